package dev.phoenix.aws.ssm;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SSM's parameter label rules, checked before calling: 1-100 characters of letters, digits, '.',
 * '-' and '_'; not starting with a digit, "aws" or "ssm" (any case); at most 10 labels per version.
 */
final class SsmLabelRules {
  static final int MAX_LABELS_PER_VERSION = 10;
  static final int MAX_LENGTH = 100;
  private static final Pattern CHARS = Pattern.compile("[A-Za-z0-9._-]+");

  private SsmLabelRules() {}

  /** Why {@code label} is not a valid SSM label, or empty. */
  static Optional<String> problem(String label) {
    if (label == null || label.isEmpty()) {
      return Optional.of("a label cannot be empty");
    }
    if (label.length() > MAX_LENGTH) {
      return Optional.of("label is " + label.length() + " characters; SSM allows " + MAX_LENGTH);
    }
    if (!CHARS.matcher(label).matches()) {
      return Optional.of("label '" + label + "' may only contain letters, digits, '.', '-' and '_'");
    }
    if (Character.isDigit(label.charAt(0))) {
      return Optional.of("label '" + label + "' cannot start with a digit");
    }
    String lower = label.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws") || lower.startsWith("ssm")) {
      return Optional.of("label '" + label + "' cannot start with 'aws' or 'ssm'");
    }
    return Optional.empty();
  }
}
