package dev.phoenix.core;

/**
 * The one range of {@code --concurrency} (store calls in flight), for every command that takes it,
 * with one message when it is out of range.
 */
public final class Concurrency {
  public static final int MIN = 1;
  /** More would only queue behind a store's own limits (the registry client allows 8 per host). */
  public static final int MAX = 64;

  private Concurrency() {}

  /** {@code n}, or an INPUT error naming the option and the range. */
  public static int check(String option, int n) {
    if (n < MIN || n > MAX) {
      throw PhoenixException.input(option + " " + n + " is out of range", "use " + MIN + " to " + MAX);
    }
    return n;
  }
}
