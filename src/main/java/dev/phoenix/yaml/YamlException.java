package dev.phoenix.yaml;

/** The file is not YAML Phoenix will read; carries the line where reading stopped. */
public final class YamlException extends Exception {
  private final int line;
  private final String fix;

  public YamlException(int line, String message, String fix) {
    super(message);
    this.line = line;
    this.fix = fix;
  }

  public int line() {
    return line;
  }

  public String fix() {
    return fix;
  }
}
