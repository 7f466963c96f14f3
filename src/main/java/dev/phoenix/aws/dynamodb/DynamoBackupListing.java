package dev.phoenix.aws.dynamodb;

import dev.phoenix.check.BackupListing;
import dev.phoenix.check.Ref;
import dev.phoenix.model.Datastore;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;

/** For {@code protect}: every AVAILABLE on-demand backup (user or AWS Backup made) of a datastore's table. */
final class DynamoBackupListing implements BackupListing {
  private final DynamoBackups backups;

  DynamoBackupListing(DynamoBackups backups) {
    this.backups = backups;
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return where instanceof Datastore.DynamoDbBackups;
  }

  @Override
  public List<Point> list(Datastore.Backups where) {
    return backups.backups(((Datastore.DynamoDbBackups) where).table(), Instant.now()).stream()
        .filter(b -> b.backupStatus() == BackupStatus.AVAILABLE && b.backupCreationDateTime() != null)
        .map(b -> new Point(new Ref.DynamoBackup(b.backupArn()), b.backupCreationDateTime()))
        .toList();
  }
}
