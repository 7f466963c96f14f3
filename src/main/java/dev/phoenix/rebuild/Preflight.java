package dev.phoenix.rebuild;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase {@code preflight}: every reference the revision pins goes through the {@link RefChecker}
 * that handles it. A reference no checker handles is UNKNOWN ("no checker for …"), never OK.
 */
public final class Preflight {
  private final List<RefChecker> checkers;

  public Preflight(List<RefChecker> checkers) {
    this.checkers = List.copyOf(checkers);
  }

  public Result check(Collection<Ref> refs, CheckOptions options) {
    Map<Ref, Finding> findings = new LinkedHashMap<>();
    refs.forEach(r -> findings.put(r, null));
    for (RefChecker checker : checkers) {
      List<Ref> mine = new ArrayList<>();
      for (Ref r : refs) {
        if (findings.get(r) == null && checker.handles(r)) {
          mine.add(r);
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      Map<Ref, Finding> found;
      try {
        found = checker.check(mine, options);
      } catch (RuntimeException e) {
        found = Map.of();
        for (Ref r : mine) {
          findings.put(r, Finding.unknown("checker failed: " + PhaseRunner.firstLine(e.getMessage())));
        }
      }
      for (Ref r : mine) {
        Finding f = found.get(r);
        if (f != null || findings.get(r) == null) {
          findings.put(r, f != null ? f : Finding.unknown("the checker gave no answer"));
        }
      }
    }
    findings.replaceAll((r, f) -> f != null ? f : Finding.unknown("no checker for store " + r.store()));
    return new Result(findings);
  }

  /** Every reference with its finding, in the order given. */
  public record Result(Map<Ref, Finding> findings) {
    public List<Map.Entry<Ref, Finding>> breaking() {
      return findings.entrySet().stream().filter(e -> e.getValue().status().breaksRestore()).toList();
    }

    public List<Map.Entry<Ref, Finding>> unknown() {
      return findings.entrySet().stream().filter(e -> e.getValue().status() == Status.UNKNOWN).toList();
    }

    public long count(Status status) {
      return findings.values().stream().filter(f -> f.status() == status).count();
    }
  }
}
