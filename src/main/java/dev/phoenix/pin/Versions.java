package dev.phoenix.pin;

import dev.phoenix.model.ArtefactVersion;
import dev.phoenix.model.Source;
import java.util.List;
import java.util.Map;

/** The version and source of an artefact being locked: given, derived from its tag or file name, and cross-checked. */
final class Versions {
  private Versions() {}

  /** The one value for {@code name}: {@code name=value}, or a bare value when the request locks one artefact. */
  static String pick(Map<String, String> values, String name, int artefacts) {
    if (values.containsKey(name)) {
      return values.get(name);
    }
    return artefacts == 1 ? values.get("") : null;
  }

  /** Null with a problem added when there is no well-formed version. */
  static String version(String name, String hint, String given, List<String> problems) {
    String derived = hint != null && ArtefactVersion.parse(hint).isPresent() ? hint : null;
    if (given != null && ArtefactVersion.parse(given).isEmpty()) {
      problems.add(name + ": --version '" + given + "' is not <semver>-<build-number>-<commit>, e.g. 1.4.2-318-9f3c2ab");
      return null;
    }
    if (given != null && derived != null && !given.equals(derived)) {
      problems.add(name + ": --version " + given + " contradicts " + derived + " (from " + hint + ")");
      return null;
    }
    String version = given != null ? given : derived;
    if (version == null) {
      problems.add(name + ": no version: '" + hint + "' is not of the form <semver>-<build-number>-<commit>;"
          + " pass --version " + name + "=<semver>-<build-number>-<commit>");
    }
    return version;
  }

  /** The source, when a commit was given; its commit must agree with the version's commit fragment. */
  static Source source(String name, String version, String repository, String commit, List<String> problems) {
    if (commit == null) {
      if (repository != null) {
        problems.add(name + ": --source-repo without --source-commit");
      }
      return null;
    }
    if (!commit.matches("[0-9a-f]{7,40}")) {
      problems.add(name + ": --source-commit '" + commit + "' is not 7 to 40 lowercase hex characters");
      return null;
    }
    if (version != null) {
      String fragment = ArtefactVersion.parse(version).get().commitFragment();
      if (!commit.startsWith(fragment) && !fragment.startsWith(commit)) {
        problems.add(name + ": --source-commit " + commit + " is not the commit in version " + version + " (" + fragment + ")");
        return null;
      }
    }
    if (repository == null) {
      problems.add(name + ": --source-commit needs --source-repo (the repository URL)");
      return null;
    }
    return new Source(repository, commit);
  }

  /** "2.0.1-77-1a2b3c4" from "statements/2.0.1-77-1a2b3c4.zip". */
  static String fromKey(String key) {
    String file = key.substring(key.lastIndexOf('/') + 1);
    int dot = file.indexOf(".zip");
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
