package dev.phoenix.verify;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkers of a mirror region seen from the source references: each source reference is
 * checked as its copy (the ledger's locator) by the region's own checker, and its finding comes
 * back under the source, the reason naming the copy. A reference without a copy is MISSING with
 * {@code notMirrored} as its reason; nothing asks the primary's stores.
 */
final class RegionChecks {
  private RegionChecks() {}

  /** The region's checkers, translated; a last one answers MISSING for every reference without a copy. */
  static List<RefChecker> of(List<RefChecker> regionCheckers, MirrorCopies copies, String notMirrored) {
    List<RefChecker> out = new ArrayList<>();
    for (RefChecker c : regionCheckers) {
      out.add(new Translated(c, copies));
    }
    out.add(new NotMirrored(copies, notMirrored));
    return List.copyOf(out);
  }

  private record Translated(RefChecker inner, MirrorCopies copies) implements RefChecker {
    @Override
    public boolean handles(Ref ref) {
      return copies.copyOf(ref).map(inner::handles).orElse(false);
    }

    @Override
    public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
      Map<Ref, List<Ref>> sourcesOf = new LinkedHashMap<>();
      for (Ref ref : refs) {
        copies.copyOf(ref).ifPresent(copy -> sourcesOf.computeIfAbsent(copy, k -> new ArrayList<>()).add(ref));
      }
      CheckOptions inner = new CheckOptions(options.deep(), options.concurrency(), options.deadline(),
          options.insecureRegistries(), copy -> sourcesOf.getOrDefault(copy, List.of()).forEach(options.done()));
      Map<Ref, Finding> found = this.inner.check(List.copyOf(sourcesOf.keySet()), inner);
      Map<Ref, Finding> out = new LinkedHashMap<>();
      sourcesOf.forEach((copy, sources) -> {
        Finding f = found.get(copy);
        if (f != null) {
          Finding named = copies.isPrimary() ? f
              : new Finding(f.status(), "copy " + copy.describe() + " in " + copies.region() + ": " + f.reason());
          sources.forEach(s -> out.put(s, named));
        }
      });
      return out;
    }
  }

  private record NotMirrored(MirrorCopies copies, String reason) implements RefChecker {
    @Override
    public boolean handles(Ref ref) {
      return copies.copyOf(ref).isEmpty();
    }

    @Override
    public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
      Map<Ref, Finding> out = new LinkedHashMap<>();
      refs.forEach(r -> {
        out.put(r, Finding.missing(reason));
        options.done().accept(r);
      });
      return out;
    }
  }
}
