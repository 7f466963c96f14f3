package dev.phoenix.core;

/**
 * One thing wrong with an input, located precisely enough that a person can fix it without
 * searching: {@code file:line: what is wrong — what to do}.
 */
public record Problem(String file, int line, String message, String fix) {

  public Problem {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("a problem needs the file it is about");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("a problem needs a message");
    }
  }

  public static Problem at(String file, int line, String message, String fix) {
    return new Problem(file, line, message, fix);
  }

  /** The one-line form used on the terminal and in reports. */
  public String render() {
    String where = line > 0 ? file + ":" + line : file;
    return fix == null || fix.isBlank() ? where + ": " + message : where + ": " + message + " — " + fix;
  }

  @Override
  public String toString() {
    return render();
  }
}
