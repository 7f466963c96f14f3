package dev.phoenix.page;

import java.util.List;

/**
 * What the last {@code phoenix drift} run found, per environment, from its JSON (the page shows it,
 * it does not compute it). {@code notes}: what the reader should know (a file that could not be read).
 */
public record DriftView(List<Environment> environments, List<String> notes) implements Section {
  public DriftView {
    environments = List.copyOf(environments);
    notes = List.copyOf(notes);
  }

  @Override
  public String title() {
    return "Drift: what runs against the lockfile";
  }

  /**
   * One environment of a drift run: {@code source} the file it was read from, {@code checkedAt} as
   * written there (or null), {@code summary} its one line (or null).
   */
  public record Environment(String environment, String source, String checkedAt, String summary, List<Item> items) {
    public Environment {
      items = List.copyOf(items);
    }
  }

  /** A service or function: MATCH, DRIFTED, UNPINNED, NOT_RUNNING, UNMANAGED or UNKNOWN, and both sides. */
  public record Item(String name, String status, String lockfile, String running) {}
}
