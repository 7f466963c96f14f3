package dev.phoenix.rebuild.local;

import java.util.List;

/**
 * What a local drill did. {@code totalMillis} is the recovery time: from the start of the drill
 * (before any pull) until the last service answered its health check. {@code failure} says why
 * the drill failed before starting anything (missing image, unreadable config), else null.
 */
public record DrillOutcome(
    String environment,
    String commit,
    String drillId,
    String network,
    List<ServiceResult> services,
    List<FunctionResult> functions,
    long totalMillis,
    String failure,
    List<DatastoreResult> datastores) {

  /** An outcome without datastores. */
  public DrillOutcome(String environment, String commit, String drillId, String network, List<ServiceResult> services,
      List<FunctionResult> functions, long totalMillis, String failure) {
    this(environment, commit, drillId, network, services, functions, totalMillis, failure, List.of());
  }

  public DrillOutcome {
    datastores = datastores == null ? List.of() : List.copyOf(datastores);
  }

  public boolean ok() {
    return failure == null
        && datastores.stream().allMatch(DatastoreResult::ok)
        && services.stream().allMatch(ServiceResult::healthy)
        && functions.stream().allMatch(FunctionResult::ok);
  }

  public List<ServiceResult> failedServices() {
    return services.stream().filter(s -> !s.healthy()).toList();
  }
}
