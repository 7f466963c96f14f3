package dev.phoenix.rebuild.local;

import dev.phoenix.core.PhoenixException;

/**
 * Fetches a Lambda package by versionId and checks its sha256 against the lockfile's. Nothing runs
 * it: Phoenix has no faithful local Lambda runtime, so a good package is "available, not executed".
 */
final class FunctionCheck {
  private FunctionCheck() {}

  static FunctionResult check(DrillPlan.FunctionPlan plan, PackageFetcher packages) {
    String uri = plan.s3().uri();
    String name = plan.function().name();
    try {
      String actual = packages.sha256(plan.s3());
      if (!plan.s3().sha256().equals(actual)) {
        return new FunctionResult(plan.stack(), name, uri, actual, FunctionResult.FAILED,
            "sha256 " + actual + " differs from the locked " + plan.s3().sha256());
      }
      return new FunctionResult(plan.stack(), name, uri, actual, FunctionResult.AVAILABLE, null);
    } catch (PhoenixException e) {
      if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
        throw e;
      }
      return new FunctionResult(plan.stack(), name, uri, null, FunctionResult.FAILED, e.getMessage());
    }
  }
}
