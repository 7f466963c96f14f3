package dev.phoenix.verify;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A checker that remembers its findings for the run: a reference it was given before (by an
 * earlier pass of the same run) is answered from memory, not asked of the store again. {@code
 * verify --region} runs one pass per environment (each has its own ledger) over one set of these,
 * so a copy several environments share is checked once per run, as plain verify checks each unique
 * reference once.
 */
final class CheckedOnce implements RefChecker {
  private final RefChecker inner;
  private final Map<Ref, Finding> found = new ConcurrentHashMap<>();

  private CheckedOnce(RefChecker inner) {
    this.inner = inner;
  }

  /** Each of {@code checkers} wrapped: the set to share between the passes of one run. */
  static List<RefChecker> each(List<RefChecker> checkers) {
    return checkers.stream().map(c -> (RefChecker) new CheckedOnce(c)).toList();
  }

  @Override
  public boolean handles(Ref ref) {
    return inner.handles(ref);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Set<Ref> fresh = new LinkedHashSet<>();
    for (Ref ref : refs) {
      if (!found.containsKey(ref)) {
        fresh.add(ref);
      }
    }
    if (!fresh.isEmpty()) {
      found.putAll(inner.check(List.copyOf(fresh), options));
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : refs) {
      Finding f = found.get(ref);
      if (f != null) {
        out.put(ref, f);
        if (!fresh.contains(ref)) {
          options.done().accept(ref);
        }
      }
    }
    return out;
  }
}
