package dev.phoenix.stores;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A keeper for a kind of reference that names its own region (an RDS snapshot or DynamoDB backup
 * ARN): each reference goes to the keeper of its region, built on first use on the run's clients.
 */
final class RegionalKeeper<R extends Ref> implements Keeper {
  private final Class<R> kind;
  private final Function<R, String> regionOf;
  private final Function<String, Keeper> keeperIn;

  RegionalKeeper(Class<R> kind, Function<R, String> regionOf, Function<String, Keeper> keeperIn) {
    this.kind = kind;
    this.regionOf = regionOf;
    this.keeperIn = keeperIn;
  }

  @Override
  public boolean handles(Ref ref) {
    return kind.isInstance(ref);
  }

  @Override
  public String mark(Ref ref, String env) {
    return of(ref).mark(ref, env);
  }

  /** Each region's reading view, made once per region on first use. */
  @Override
  public Keeper reading() {
    Map<String, Keeper> views = new ConcurrentHashMap<>();
    return new ReadingKeeper(
        new RegionalKeeper<>(kind, regionOf, region -> views.computeIfAbsent(region, r -> keeperIn.apply(r).reading())));
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    return of(ref).isProtected(ref, env);
  }

  @Override
  public void protect(Ref ref, String env) {
    of(ref).protect(ref, env);
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    Map<String, List<Ref>> byRegion = new LinkedHashMap<>();
    scope.stream().filter(this::handles)
        .forEach(r -> byRegion.computeIfAbsent(regionOf.apply(kind.cast(r)), x -> new ArrayList<>()).add(r));
    List<Kept> out = new ArrayList<>();
    byRegion.forEach((region, refs) -> out.addAll(keeperIn.apply(region).kept(refs, env)));
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    return of(kept.ref()).release(kept, env);
  }

  private Keeper of(Ref ref) {
    return keeperIn.apply(regionOf.apply(kind.cast(ref)));
  }
}
