package dev.phoenix.check;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A checker's references grouped by what one call asks about (a region, a repository, a parameter):
 * groups in the order their first reference comes, each group's references without repeats in the
 * order they first come. A set per group keeps this linear in the references, however many share a
 * key: one repository or region can hold a night's thousands, and a list searched for repeats made
 * grouping them quadratic.
 */
public final class RefGroups {
  private RefGroups() {}

  /** The references of {@code type} among {@code refs}, grouped by {@code key}. */
  public static <T extends Ref, K> Map<K, List<T>> of(Collection<? extends Ref> refs, Class<T> type,
      Function<? super T, ? extends K> key) {
    return of(refs, type, t -> true, key);
  }

  /** As {@link #of(Collection, Class, Function)}, only those {@code which} accepts. */
  public static <T extends Ref, K> Map<K, List<T>> of(Collection<? extends Ref> refs, Class<T> type,
      Predicate<? super T> which, Function<? super T, ? extends K> key) {
    Map<K, LinkedHashSet<T>> sets = new LinkedHashMap<>();
    for (Ref ref : refs) {
      if (type.isInstance(ref)) {
        T t = type.cast(ref);
        if (which.test(t)) {
          sets.computeIfAbsent(key.apply(t), k -> new LinkedHashSet<>()).add(t);
        }
      }
    }
    Map<K, List<T>> out = new LinkedHashMap<>();
    sets.forEach((k, group) -> out.put(k, List.copyOf(group)));
    return out;
  }
}
