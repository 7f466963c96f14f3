package dev.phoenix.check;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to check: {@code deep} fetches and hashes content; {@code deadline} turns whatever is left
 * into UNKNOWN; {@code done} is called once per finished reference (for progress).
 */
public record CheckOptions(
    boolean deep, int concurrency, Instant deadline, Set<String> insecureRegistries, Consumer<Ref> done) {

  public static CheckOptions defaults() {
    return new CheckOptions(false, 16, Instant.now().plusSeconds(3600), Set.of(), r -> {});
  }
}
