package dev.phoenix.lockfile;

import dev.phoenix.core.Problem;
import java.util.List;

/** What reading a file produced: the value (best effort, may be null) and every problem found. */
public record Parsed<T>(T value, List<Problem> problems) {
  public boolean ok() {
    return value != null && problems.isEmpty();
  }
}
