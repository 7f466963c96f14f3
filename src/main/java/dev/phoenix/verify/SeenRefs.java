package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The references seen so far, in the order first seen. A year of revisions names the same few
 * thousand references over and over (1,830,000 uses of 35,906 at full scale), and the run's readings
 * give each of them as one shared instance ({@link Canonical}): a repeat is found by identity, with
 * no hash of the reference's fields, and only an instance not seen before is compared by value (so
 * an equal reference that is not the shared instance is still one reference).
 */
final class SeenRefs {
  private final Map<Ref, Boolean> instances = new IdentityHashMap<>();
  private final Set<Ref> distinct = new LinkedHashSet<>();

  /** True when no equal reference was seen before. */
  boolean add(Ref ref) {
    return instances.put(ref, Boolean.TRUE) == null && distinct.add(ref);
  }

  /** Every distinct reference, in the order first seen (the set itself, not a copy). */
  Set<Ref> inOrder() {
    return distinct;
  }
}
