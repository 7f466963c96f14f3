package dev.phoenix.lockfile;

/** Public face of the secret heuristics, for code that displays plain config values. */
public final class ConfigSafety {
  private ConfigSafety() {}

  /** True when a plain value, by its name or content, looks like a secret and must not be shown. */
  public static boolean looksSecret(String name, String value) {
    return SecretLook.reason(name, value).isPresent();
  }
}
