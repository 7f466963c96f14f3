package dev.phoenix.history;

/**
 * One difference between two states of an environment. {@code from}/{@code to} are value-free
 * descriptions (versions, digests, config versions), or null when added/removed.
 */
public record Change(Kind kind, String subject, String from, String to) {
  public enum Kind {
    ARTEFACT_ADDED,
    ARTEFACT_REMOVED,
    ARTEFACT_CHANGED,
    CONFIG_ADDED,
    CONFIG_REMOVED,
    CONFIG_CHANGED,
    STACK_ADDED,
    STACK_REMOVED,
    STACK_CHANGED,
    /** The lockfile of this revision could not be read ({@code subject} its path, {@code to} why); nothing is compared. */
    UNREADABLE
  }

  public String render() {
    return switch (kind) {
      case ARTEFACT_ADDED, CONFIG_ADDED, STACK_ADDED -> "+ " + subject + " " + to;
      case ARTEFACT_REMOVED, CONFIG_REMOVED, STACK_REMOVED -> "- " + subject + " " + from;
      case UNREADABLE -> "! " + subject + ": not read (" + to + "); the next readable revision is compared with the one before this";
      default -> "~ " + subject + ": " + from + " → " + to;
    };
  }
}
