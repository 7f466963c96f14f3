package dev.phoenix.promote;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code environments/<env>/policy.yaml}: what an artefact's assurance trail must show before it
 * may be promoted into the environment, and from which environments it may come.
 */
public record Policy(String file, List<String> from, List<Requirement> require) {

  public static final String KIND = "PromotionPolicy";

  public static String path(String environment) {
    return "environments/" + environment + "/policy.yaml";
  }

  /** No policy file: nothing is required. */
  public static Policy none(String environment) {
    return new Policy(path(environment), List.of(), List.of());
  }

  /**
   * One required step. The newest record of {@code step} must have {@code result}; when set, its
   * evidence must fully match {@code evidence}, and it must be at least {@code minAge} and at most
   * {@code maxAge} old at promotion time. {@code artefacts} (empty = all) limits whom it applies to.
   */
  public record Requirement(
      int line, String step, String result, Pattern evidence, Duration minAge, Duration maxAge,
      List<String> artefacts) {

    public boolean appliesTo(String artefact) {
      return artefacts.isEmpty() || artefacts.contains(artefact);
    }
  }
}
