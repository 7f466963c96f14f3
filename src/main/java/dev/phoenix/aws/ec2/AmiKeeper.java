package dev.phoenix.aws.ec2;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.check.KeepLabels;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tag {@code phoenix-keep-<env>=phoenix} on the pinned machine image. The tag alone does not stop a
 * deregistration: a Recycle Bin retention rule on it ({@link RecycleBinRule}) keeps a deregistered
 * image restorable.
 */
final class AmiKeeper implements Keeper {
  private final AmiTags tags;
  private final AskedOnce<Ref.Ami, Set<String>> keys;

  AmiKeeper(AmiTags tags) {
    this(tags, AskedOnce.never());
  }

  private AmiKeeper(AmiTags tags, AskedOnce<Ref.Ami, Set<String>> keys) {
    this.keys = keys;
    this.tags = tags;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Ami;
  }

  @Override
  public String mark(Ref ref, String env) {
    return "image tag " + KeepLabels.forEnv(env);
  }

  /** For a run that only reads: each image's tags read once, for every environment. */
  @Override
  public Keeper reading() {
    return new ReadingKeeper(new AmiKeeper(tags, new AskedOnce<>()));
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    Ref.Ami ami = (Ref.Ami) ref;
    return keys.get(ami, () -> tags.keepTags(List.of(ami.amiId()), ami.region()).getOrDefault(ami.amiId(), Set.of()))
        .contains(KeepLabels.forEnv(env));
  }

  @Override
  public void protect(Ref ref, String env) {
    Ref.Ami ami = (Ref.Ami) ref;
    tags.tag(ami.amiId(), ami.region(), KeepLabels.forEnv(env));
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    Map<String, Set<String>> idsByRegion = new LinkedHashMap<>();
    scope.stream().filter(this::handles).map(r -> (Ref.Ami) r)
        .forEach(a -> idsByRegion.computeIfAbsent(a.region(), r -> new LinkedHashSet<>()).add(a.amiId()));
    List<Kept> out = new ArrayList<>();
    String mine = KeepLabels.forEnv(env);
    idsByRegion.forEach((region, ids) -> tags.keepTags(ids, region).forEach((id, keys) -> {
      if (keys.contains(mine)) {
        out.add(new Kept(new Ref.Ami(id, region), "image tag " + mine));
      }
    }));
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    Ref.Ami ami = (Ref.Ami) kept.ref();
    tags.untag(ami.amiId(), ami.region(), KeepLabels.forEnv(env));
    return true;
  }
}
