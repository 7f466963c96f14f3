package dev.phoenix.stores;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A checker for a kind of reference that names its own region (an RDS snapshot or DynamoDB backup
 * ARN): the references of each region go to that region's checker, built on first use.
 */
final class RegionalChecker<R extends Ref> implements RefChecker {
  private final Class<R> kind;
  private final Function<R, String> regionOf;
  private final Function<String, RefChecker> checkerIn;

  RegionalChecker(Class<R> kind, Function<R, String> regionOf, Function<String, RefChecker> checkerIn) {
    this.kind = kind;
    this.regionOf = regionOf;
    this.checkerIn = checkerIn;
  }

  @Override
  public boolean handles(Ref ref) {
    return kind.isInstance(ref);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Map<String, List<Ref>> byRegion = new LinkedHashMap<>();
    refs.stream().filter(this::handles)
        .forEach(r -> byRegion.computeIfAbsent(regionOf.apply(kind.cast(r)), x -> new ArrayList<>()).add(r));
    Map<Ref, Finding> out = new LinkedHashMap<>();
    byRegion.forEach((region, mine) -> out.putAll(checkerIn.apply(region).check(mine, options)));
    return out;
  }
}
