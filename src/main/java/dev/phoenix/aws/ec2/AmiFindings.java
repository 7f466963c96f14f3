package dev.phoenix.aws.ec2;

import dev.phoenix.check.Finding;
import java.time.Instant;

/**
 * AMI state to finding: available → OK (AT_RISK once its deprecation time has passed); disabled →
 * AT_RISK; pending/transient → UNKNOWN (not usable yet); deregistered, failed, error, invalid → MISSING
 * (cannot be launched); not returned by EC2 → MISSING.
 */
final class AmiFindings {
  private AmiFindings() {}

  static Finding of(AmiInfo ami, Instant now) {
    String state = ami.state() == null ? "unknown" : ami.state();
    return switch (state) {
      case "available" -> available(ami, now);
      case "disabled" -> Finding.atRisk("AMI is disabled: enable-image makes it usable again");
      case "pending", "transient" -> Finding.unknown("AMI is " + state + ": not usable yet");
      case "deregistered" -> Finding.missing("AMI is deregistered");
      case "failed", "error", "invalid" -> Finding.missing("AMI is in state " + state + ": it cannot be launched");
      default -> Finding.unknown("AMI is in state " + state);
    };
  }

  static Finding absent(String amiId, String region, String code) {
    String why = "absent".equals(code) ? "" : " (" + code + ")";
    return Finding.missing("no AMI " + amiId + " in " + region + " (deregistered or never existed)" + why);
  }

  private static Finding available(AmiInfo ami, Instant now) {
    Instant deprecated = ami.deprecationTime();
    if (deprecated == null) {
      return Finding.ok("available");
    }
    if (!deprecated.isAfter(now)) {
      return Finding.atRisk("deprecated since " + deprecated);
    }
    return Finding.ok("available; deprecation scheduled for " + deprecated);
  }
}
