package dev.phoenix.lockfile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a plain config value looks like it should have been a secret. Says why without
 * ever repeating the value.
 */
final class SecretLook {
  /** Found anywhere in the name, in any case: long enough never to be part of an innocent word. */
  static final List<String> ANYWHERE =
      List.of("PASSWORD", "PASSWD", "PASSPHRASE", "PWD", "TOKEN", "SECRET", "KEY", "CREDENTIAL", "PRIVATE");
  /**
   * Found as the last word of the name (words split at _ - . and camelCase humps): short roots that
   * are also parts of innocent words (PASSTHROUGH, BYPASS_CACHE, AUTHOR) or, leading, name something
   * that is not secret (AUTH_URL, PASS_THROUGH).
   */
  static final List<String> LAST_WORDS = List.of("PASS", "PW", "AUTH", "AUTHORIZATION", "CREDS", "CRED", "JWT", "BEARER");
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern URL_WITH_CREDENTIALS = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@.*");
  private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9+/=_-]+");
  private static final int MIN_RANDOM_LENGTH = 20;
  private static final double MIN_RANDOM_BITS_PER_CHAR = 3.5;

  private SecretLook() {}

  /** Why the name or the value looks secret, or empty. */
  static Optional<String> reason(String name, String value) {
    if (secretName(name)) {
      return Optional.of("its name " + name + " says it is secret");
    }
    if (value == null) {
      return Optional.empty();
    }
    if (URL_WITH_CREDENTIALS.matcher(value).matches()) {
      return Optional.of("its value is a URL with credentials in it");
    }
    if (looksRandom(value)) {
      return Optional.of("its value is a long high-entropy string");
    }
    return Optional.empty();
  }

  static boolean secretName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (ANYWHERE.stream().anyMatch(upper::contains)) {
      return true;
    }
    String[] words = WORD_BREAK.split(name);
    return words.length > 0 && LAST_WORDS.contains(words[words.length - 1].toUpperCase(Locale.ROOT));
  }

  static boolean looksRandom(String value) {
    if (value.length() < MIN_RANDOM_LENGTH || !TOKEN_CHARS.matcher(value).matches()) {
      return false;
    }
    boolean digit = value.chars().anyMatch(Character::isDigit);
    boolean letter = value.chars().anyMatch(Character::isLetter);
    return digit && letter && entropy(value) >= MIN_RANDOM_BITS_PER_CHAR;
  }

  static double entropy(String value) {
    Map<Integer, Integer> counts = new HashMap<>();
    value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    double bits = 0;
    int n = value.length();
    for (int count : counts.values()) {
      double p = (double) count / n;
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }
}
