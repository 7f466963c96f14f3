package dev.phoenix.aws.rds;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import dev.phoenix.check.KeepLabels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/** For {@code protect}: Phoenix's tags on DB snapshots ({@code phoenix-keep-<env>=phoenix}). */
public final class RdsSnapshotTags {
  public static final String VALUE = "phoenix";
  static final Set<String> SNAPSHOT_NOT_FOUND = Set.of("DBSnapshotNotFound", "DBSnapshotNotFoundFault");
  private final RdsClient rds;

  RdsSnapshotTags(RdsClient rds) {
    this.rds = rds;
  }

  /** The snapshot by identifier, if it exists. */
  Optional<DBSnapshot> snapshot(String snapshotId) {
    try {
      return rds.describeDBSnapshots(b -> b.dbSnapshotIdentifier(snapshotId)).dbSnapshots().stream().findFirst();
    } catch (SdkException e) {
      AwsFailure failure = AwsFailure.of(e, SNAPSHOT_NOT_FOUND, false, true);
      if (failure.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw new AwsException("DescribeDBSnapshots " + snapshotId, failure, null);
    }
  }

  /** Phoenix's tag keys on every snapshot of {@code instance}, by snapshot ARN. */
  public Map<String, Set<String>> keepTagsOfInstance(String instance) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (DBSnapshot s : new RdsBackups(rds).snapshots(instance)) {
      out.put(s.dbSnapshotArn(), keepTags(s.dbSnapshotArn()));
    }
    return out;
  }

  /** Phoenix's tag keys on one snapshot (ListTagsForResource). */
  public Set<String> keepTags(String snapshotArn) {
    try {
      Set<String> keys = new TreeSet<>();
      rds.listTagsForResource(b -> b.resourceName(snapshotArn)).tagList().stream()
          .filter(t -> KeepLabels.isPhoenix(t.key())).forEach(t -> keys.add(t.key()));
      return keys;
    } catch (SdkException e) {
      throw new AwsException("ListTagsForResource " + snapshotArn, AwsFailure.of(e, SNAPSHOT_NOT_FOUND, false, true),
          null);
    }
  }

  public void tag(String snapshotArn, String key) {
    try {
      rds.addTagsToResource(b -> b.resourceName(snapshotArn).tags(t -> t.key(key).value(VALUE)));
    } catch (SdkException e) {
      throw new AwsException("AddTagsToResource " + snapshotArn, AwsFailure.of(e, SNAPSHOT_NOT_FOUND, false, true),
          null);
    }
  }

  public void untag(String snapshotArn, String key) {
    try {
      rds.removeTagsFromResource(b -> b.resourceName(snapshotArn).tagKeys(key));
    } catch (SdkException e) {
      throw new AwsException("RemoveTagsFromResource " + snapshotArn,
          AwsFailure.of(e, SNAPSHOT_NOT_FOUND, false, true), null);
    }
  }
}
