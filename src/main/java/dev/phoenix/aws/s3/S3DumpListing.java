package dev.phoenix.aws.s3;

import dev.phoenix.check.BackupListing;
import dev.phoenix.check.Ref;
import dev.phoenix.model.Datastore;
import java.util.List;

/**
 * For {@code protect}: every dump (object version) of a datastore under its prefix, as the object
 * version {@link S3Keeper} marks (keep tag and legal hold) and the time the dump was taken.
 */
final class S3DumpListing implements BackupListing {
  private final S3Backups backups;

  S3DumpListing(S3Backups backups) {
    this.backups = backups;
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return backups.handles(where);
  }

  @Override
  public List<Point> list(Datastore.Backups where) {
    return backups.list(where).stream()
        .map(b -> new Point(new Ref.S3Object(b.dump().bucket(), b.dump().key(), b.dump().versionId(), null),
            b.takenAt()))
        .toList();
  }
}
