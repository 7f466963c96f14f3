package dev.phoenix.protect;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import java.util.List;
import java.util.Optional;

/**
 * One {@link Keeper} per store kind, asked in order; the first that handles a reference is its
 * keeper. The real ones come from the run's {@code stores/Stores}, which also closes their clients.
 */
public final class Keepers {
  private final List<Keeper> keepers;

  private Keepers(List<Keeper> keepers) {
    this.keepers = keepers;
  }

  public static Keepers of(List<Keeper> keepers) {
    return new Keepers(List.copyOf(keepers));
  }

  public Optional<Keeper> forRef(Ref ref) {
    return keepers.stream().filter(k -> k.handles(ref)).findFirst();
  }

  public List<Keeper> all() {
    return keepers;
  }

  /** These keepers' reading views ({@link Keeper#reading}), for one run that only reads. */
  public Keepers reading() {
    return new Keepers(keepers.stream().map(Keeper::reading).toList());
  }
}
