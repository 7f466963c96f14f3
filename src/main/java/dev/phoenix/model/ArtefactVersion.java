package dev.phoenix.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unique version every artefact is built under: {@code ${semver}-${build-number}-${commit}},
 * e.g. {@code 1.4.2-318-9f3c2ab}. The semver part has no pre-release suffix (its dash would be
 * ambiguous); the commit fragment is 7 to 40 lowercase hex characters.
 */
public record ArtefactVersion(String semver, long buildNumber, String commitFragment) {
  private static final Pattern FORM =
      Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)-(0|[1-9][0-9]*)-([0-9a-f]{7,40})");

  public static Optional<ArtefactVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ArtefactVersion(
              m.group(1) + "." + m.group(2) + "." + m.group(3),
              Long.parseLong(m.group(4)),
              m.group(5)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return semver + "-" + buildNumber + "-" + commitFragment;
  }
}
