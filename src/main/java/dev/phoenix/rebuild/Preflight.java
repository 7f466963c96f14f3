package dev.phoenix.rebuild;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Phase {@code preflight}: every reference the revision pins goes through the {@link RefChecker}
 * that handles it, on the same runner and with the same wording as {@code verify}
 * ({@link Checks#run}): stores side by side, under the options' deadline. A reference no checker
 * handles is UNKNOWN ("no checker for store …"), never OK.
 */
public final class Preflight {
  private final List<RefChecker> checkers;

  public Preflight(List<RefChecker> checkers) {
    this.checkers = List.copyOf(checkers);
  }

  public Result check(Collection<Ref> refs, CheckOptions options) {
    return new Result(Checks.run(checkers, refs, options));
  }

  /**
   * In a mirror region ({@code region} not null): the references without a copy there are MISSING
   * with the region's reason and asked of no store (they still name the primary's stores); every
   * other one, already its copy, is checked in the region. As pinned: {@link #check(Collection, CheckOptions)}.
   */
  public Result check(Collection<Ref> refs, CheckOptions options, Resolved.InRegion region) {
    if (region == null) {
      return check(refs, options);
    }
    List<Ref> copied = refs.stream().filter(r -> !region.uncopied().containsKey(r)).toList();
    Map<Ref, Finding> found = Checks.run(checkers, copied, options);
    Map<Ref, Finding> out = new java.util.LinkedHashMap<>();
    for (Ref ref : refs) {
      out.put(ref, region.uncopied().containsKey(ref) ? Finding.missing(region.reason()) : found.get(ref));
    }
    return new Result(out);
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
