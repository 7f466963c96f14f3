package dev.phoenix.rebuild;

/** Asks a person whether to go on (the terminal), or answers for them ({@code --yes}). */
@FunctionalInterface
public interface Confirm {
  /** @param question one line, e.g. "apply stack services (3 to add, 0 to change, 0 to destroy)?" */
  boolean ask(String question);

  static Confirm yes() {
    return question -> true;
  }
}
