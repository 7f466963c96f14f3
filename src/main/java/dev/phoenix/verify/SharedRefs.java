package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Refs;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Refs#of(Lockfile)}, every reference and use list already the run's canonical one, made
 * once per artefact or config block instance. The lockfile memo hands out the same instance for
 * every revision that repeats an entry, so a year of revisions makes and looks up each entry's
 * reference once instead of once a revision. Anything else (an entry parsed anew) is made as
 * usual. Holds at most {@link #LIMIT} instances, then starts again empty. Thread-safe.
 */
final class SharedRefs {
  static final int LIMIT = 200_000;

  /** One use of a reference: the canonical reference and the canonical one-use list. */
  private record Use(Ref ref, List<String> uses) {}

  private static final Use NONE = new Use(null, List.of());

  private final Canonical canonical;
  private final Map<Artefact, Use> artefacts = new IdentityHashMap<>();
  private final Map<Map<String, ConfigSource>, Block> blocks = new IdentityHashMap<>();

  /** A config block's uses, under its name (a shared instance is always under the same name; checked). */
  private record Block(String name, List<Use> uses) {}

  SharedRefs(Canonical canonical) {
    this.canonical = canonical;
  }

  /** Exactly {@code canonical.of(Refs.of(lockfile))}. */
  synchronized Map<Ref, List<String>> of(Lockfile lockfile) {
    if (artefacts.size() + blocks.size() > LIMIT) {
      artefacts.clear();
      blocks.clear();
    }
    Map<Ref, List<String>> out = canonical.newMap(lockfile.artefacts().size() + lockfile.config().size());
    for (Artefact a : lockfile.artefacts().values()) {
      add(out, artefacts.computeIfAbsent(a, this::use));
    }
    lockfile.config().forEach((block, variables) -> {
      Block known = blocks.computeIfAbsent(variables, v -> new Block(block, uses(block, v)));
      for (Use use : known.name().equals(block) ? known.uses() : uses(block, variables)) {
        add(out, use);
      }
    });
    return out;
  }

  private Use use(Artefact a) {
    Ref ref = Refs.of(a);
    return ref == null ? NONE : new Use(canonical.ref(ref), canonical.uses(List.of(a.name())));
  }

  private List<Use> uses(String block, Map<String, ConfigSource> variables) {
    List<Use> out = new ArrayList<>();
    variables.forEach((name, source) -> {
      Ref ref = Refs.of(source);
      if (ref != null) {
        out.add(new Use(canonical.ref(ref), canonical.uses(List.of(Refs.configUse(block, name)))));
      }
    });
    return List.copyOf(out);
  }

  /** As {@link Refs#of}: a reference used again keeps its first place, its uses in the order met. */
  private void add(Map<Ref, List<String>> out, Use use) {
    if (use == NONE) {
      return;
    }
    List<String> before = out.putIfAbsent(use.ref(), use.uses());
    if (before != null) {
      List<String> both = new ArrayList<>(before);
      both.addAll(use.uses());
      out.put(use.ref(), canonical.uses(both));
    }
  }
}
