package dev.phoenix.verify;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What to verify and how. {@code environments} empty with {@code allEnvironments}: every
 * environment with a lockfile at HEAD. {@code strict}: AT_RISK counts as a failure.
 */
public record VerifyRequest(
    List<String> environments, boolean allEnvironments, VerifyWindow window, boolean deep, int concurrency,
    Duration deadline, Set<String> insecureRegistries, boolean strict) {

  public static final int DEFAULT_CONCURRENCY = 16;
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);

  public VerifyRequest {
    environments = List.copyOf(environments);
    insecureRegistries = Set.copyOf(insecureRegistries);
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  public static VerifyRequest head(List<String> environments) {
    return new VerifyRequest(environments, false, VerifyWindow.head(), false, DEFAULT_CONCURRENCY, DEFAULT_DEADLINE,
        Set.of(), false);
  }
}
