package dev.phoenix.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in a pass, so the user sees all of them at once. */
public final class Problems {
  private final List<Problem> items = new ArrayList<>();

  public void add(Problem problem) {
    items.add(problem);
  }

  public void add(String file, int line, String message, String fix) {
    items.add(new Problem(file, line, message, fix));
  }

  public void addAll(List<Problem> problems) {
    items.addAll(problems);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** Sorted by file then line, duplicates removed. */
  public List<Problem> list() {
    List<Problem> sorted = new ArrayList<>(items.stream().distinct().toList());
    sorted.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return Collections.unmodifiableList(sorted);
  }
}
