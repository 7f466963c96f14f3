package dev.phoenix.engine;

/**
 * Resource changes counted the way the engine summarises them: a replacement counts once in
 * {@code add} and once in {@code destroy}.
 */
public record Changes(int add, int change, int destroy) {

  public static final Changes NONE = new Changes(0, 0, 0);

  public Changes {
    if (add < 0 || change < 0 || destroy < 0) {
      throw new IllegalArgumentException("change counts cannot be negative");
    }
  }

  public boolean isEmpty() {
    return add == 0 && change == 0 && destroy == 0;
  }

  /** {@code 2 to add, 0 to change, 1 to destroy}. */
  public String render() {
    return add + " to add, " + change + " to change, " + destroy + " to destroy";
  }
}
