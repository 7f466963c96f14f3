package dev.phoenix.protect;

import java.util.function.IntConsumer;

/** Told when a stage starts ("references asked", "changes made") and how many it has; counts what is done. */
@FunctionalInterface
public interface ProtectProgress {
  ProtectProgress NONE = (stage, total) -> done -> {};

  IntConsumer start(String stage, int total);
}
