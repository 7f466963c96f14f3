package dev.phoenix.aws.rds;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.check.KeepLabels;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tag {@code phoenix-keep-<env>=phoenix} on a pinned DB snapshot. Manual snapshots stay until
 * deleted, so the tag is the mark a cleanup must honour; an automated snapshot is deleted by RDS
 * when it leaves the retention period whatever its tags (copy it to a manual snapshot to keep it).
 * {@link #kept} reads the tags of every snapshot of the instances the refs' snapshots belong to.
 */
final class RdsKeeper implements Keeper {
  private final RdsSnapshotTags tags;
  private final AskedOnce<String, Set<String>> keys;

  RdsKeeper(RdsSnapshotTags tags) {
    this(tags, AskedOnce.never());
  }

  private RdsKeeper(RdsSnapshotTags tags, AskedOnce<String, Set<String>> keys) {
    this.keys = keys;
    this.tags = tags;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.RdsSnapshot;
  }

  @Override
  public String mark(Ref ref, String env) {
    return "snapshot tag " + KeepLabels.forEnv(env);
  }

  /** For a run that only reads: each snapshot's tags read once, for every environment. */
  @Override
  public Keeper reading() {
    return new ReadingKeeper(new RdsKeeper(tags, new AskedOnce<>()));
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    String arn = ((Ref.RdsSnapshot) ref).arn();
    return keys.get(arn, () -> tags.keepTags(arn)).contains(KeepLabels.forEnv(env));
  }

  @Override
  public void protect(Ref ref, String env) {
    tags.tag(((Ref.RdsSnapshot) ref).arn(), KeepLabels.forEnv(env));
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    Set<String> instances = new LinkedHashSet<>();
    scope.stream().filter(this::handles).map(r -> (Ref.RdsSnapshot) r)
        .forEach(s -> tags.snapshot(s.snapshotId()).ifPresent(d -> instances.add(d.dbInstanceIdentifier())));
    String mine = KeepLabels.forEnv(env);
    List<Kept> out = new ArrayList<>();
    for (String instance : instances) {
      tags.keepTagsOfInstance(instance).forEach((arn, keys) -> {
        if (keys.contains(mine)) {
          out.add(new Kept(new Ref.RdsSnapshot(arn), "snapshot tag " + mine));
        }
      });
    }
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    tags.untag(((Ref.RdsSnapshot) kept.ref()).arn(), KeepLabels.forEnv(env));
    return true;
  }
}
