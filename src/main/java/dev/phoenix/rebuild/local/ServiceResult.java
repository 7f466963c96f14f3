package dev.phoenix.rebuild.local;

import java.util.List;

/**
 * One service of a local drill. Times in milliseconds: {@code pullMillis} pulling its image,
 * {@code startMillis} creating and starting its containers, {@code healthyMillis} from started to
 * healthy, {@code readyAtMillis} from drill start to healthy. {@code logTail} (failed services only)
 * has store-read config values masked.
 */
public record ServiceResult(
    String stack,
    String service,
    String image,
    int replicas,
    int reused,
    String status,
    String healthCheck,
    long pullMillis,
    long startMillis,
    long healthyMillis,
    long readyAtMillis,
    List<String> containers,
    String failure,
    List<String> logTail) {

  public static final String HEALTHY = "healthy";
  public static final String FAILED = "failed";
  public static final String NOT_STARTED = "not-started";

  public boolean healthy() {
    return HEALTHY.equals(status);
  }

  static ServiceResult notStarted(DrillPlan.ServicePlan plan, long pullMillis, String why) {
    return new ServiceResult(plan.stack(), plan.name(), plan.image().digestReference(), plan.replicas(), 0,
        NOT_STARTED, null, pullMillis, 0, 0, 0, List.of(), why, List.of());
  }
}
