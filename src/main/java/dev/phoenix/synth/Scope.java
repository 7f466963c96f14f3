package dev.phoenix.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whose resources a synthesis makes: one drill (or recovery) of one environment from one lockfile
 * commit. Every AWS name a stack gives carries {@link #drillId}, so two drills of one environment,
 * or a drill beside the environment itself, can never adopt or collide with each other's resources
 * (ECS CreateCluster, for one, returns an existing cluster of the same name).
 *
 * @param environment the environment rebuilt, e.g. {@code prod} (tag {@value #ENV_TAG})
 * @param drillId the drill's id, lower case letters and digits (tag {@value #DRILL_TAG})
 * @param commit the lockfile commit rebuilt (tag {@value #COMMIT_TAG})
 */
public record Scope(String environment, String drillId, String commit) {

  public static final String ENV_TAG = "phoenix:env";
  public static final String DRILL_TAG = "phoenix:drill-id";
  public static final String COMMIT_TAG = "phoenix:commit";
  /** Tag with the artefact version on the resources that run it. */
  public static final String ARTEFACT_VERSION_TAG = "phoenix:artefact-version";

  /** A drill id: what Phoenix's drill records use (8 hex digits) or a name of up to 12 such. */
  public static final Pattern DRILL_ID = Pattern.compile("[a-z0-9]{4,12}");
  private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}");

  public Scope {
    if (environment == null || !TAG_VALUE.matcher(environment).matches()) {
      throw new IllegalArgumentException("scope: bad environment name " + environment);
    }
    if (drillId == null || !DRILL_ID.matcher(drillId).matches()) {
      throw new IllegalArgumentException(
          "scope: drill id must match " + DRILL_ID.pattern() + ", got " + drillId);
    }
    if (commit == null || !TAG_VALUE.matcher(commit).matches()) {
      throw new IllegalArgumentException("scope: bad commit " + commit);
    }
  }

  /** The tags every taggable resource of the synthesis carries (provider default tags). */
  public Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(ENV_TAG, environment);
    tags.put(DRILL_TAG, drillId);
    tags.put(COMMIT_TAG, commit);
    return tags;
  }
}
