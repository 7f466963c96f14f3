package dev.phoenix.aws.rds;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * Copies a DB snapshot of another region into this service's region (a mirror): CopyDBSnapshot
 * with the source snapshot's ARN and {@code SourceRegion} (the SDK presigns the cross-region
 * request), tagged {@code phoenix:copy-of=<source ARN>}. The copy is named after the source
 * ({@link #copyId}); a snapshot of that name already there which is a copy of the same source is
 * used instead, so an interrupted run does not copy again. A copy keeps the source's
 * DBInstanceIdentifier and {@code OriginalSnapshotCreateTime}; its own SnapshotCreateTime is the
 * copy's.
 */
public final class RdsSnapshotCopies {
  /** The tag naming the source snapshot's ARN on a copy. */
  public static final String COPY_OF = "phoenix:copy-of";
  private static final Set<String> EXISTS = Set.of("DBSnapshotAlreadyExists", "DBSnapshotAlreadyExistsFault");
  private final RdsClient mirror;

  RdsSnapshotCopies(RdsClient mirror) {
    this.mirror = mirror;
  }

  /** The copy: its ARN and identifier in this region, its status, and whether it was already there. */
  public record Copy(String arn, String snapshotId, String status, boolean alreadyThere) {}

  /**
   * The identifier of the copy of {@code sourceId}: the same where it is a valid identifier for a
   * manual snapshot, else (an automated {@code rds:…} one) its letters, digits and single hyphens.
   */
  public static String copyId(String sourceId) {
    String id = sourceId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
      id = "s-" + id;
    }
    return id.length() > 255 ? id.substring(0, 255).replaceAll("-+$", "") : id;
  }

  /** Copies {@code sourceArn} (a snapshot in {@code sourceRegion}) into this region, or finds the copy made before. */
  public Copy copy(String sourceArn, String sourceRegion) {
    String sourceId = sourceArn.substring(sourceArn.lastIndexOf(":snapshot:") + ":snapshot:".length());
    String id = copyId(sourceId);
    Optional<DBSnapshot> there = find(id);
    if (there.isPresent()) {
      return found(there.get(), sourceArn);
    }
    try {
      DBSnapshot s = mirror.copyDBSnapshot(b -> b.sourceDBSnapshotIdentifier(sourceArn).sourceRegion(sourceRegion)
          .targetDBSnapshotIdentifier(id).copyTags(false).tags(t -> t.key(COPY_OF).value(sourceArn))).dbSnapshot();
      return new Copy(s.dbSnapshotArn(), s.dbSnapshotIdentifier(), s.status(), false);
    } catch (SdkException e) {
      AwsFailure failure = AwsFailure.of(e, EXISTS, false, true);
      if (failure.kind() == AwsFailure.Kind.NOT_FOUND) { // made by a run at the same time
        return find(id).map(s -> found(s, sourceArn)).orElseThrow(() -> new AwsException("CopyDBSnapshot " + sourceArn,
            failure, "run phoenix mirror again"));
      }
      throw new AwsException("CopyDBSnapshot " + sourceArn + " to " + id, failure,
          "check rds:CopyDBSnapshot in both regions (and a KMS key in this region for an encrypted snapshot)");
    }
  }

  private Copy found(DBSnapshot s, String sourceArn) {
    String of = s.tagList().stream().filter(t -> COPY_OF.equals(t.key())).map(t -> t.value()).findFirst().orElse(null);
    if (of != null && !of.equals(sourceArn)) {
      throw AwsException.input("a DB snapshot " + s.dbSnapshotIdentifier() + " in this region is a copy of " + of
          + ", not of " + sourceArn, "delete or rename it, then run phoenix mirror again");
    }
    return new Copy(s.dbSnapshotArn(), s.dbSnapshotIdentifier(), s.status(), true);
  }

  private Optional<DBSnapshot> find(String id) {
    return new RdsSnapshotTags(mirror).snapshot(id);
  }
}
