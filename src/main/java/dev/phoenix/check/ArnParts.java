package dev.phoenix.check;

/** The parts of an AWS ARN ({@code arn:partition:service:region:account:resource}) a ref needs. */
final class ArnParts {
  private ArnParts() {}

  static void require(String arn, String service, String resourcePrefix) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 6);
    if (parts.length < 6 || !"arn".equals(parts[0]) || !service.equals(parts[2]) || parts[3].isEmpty()
        || !parts[5].startsWith(resourcePrefix)) {
      throw new IllegalArgumentException("not an ARN of " + service + " " + resourcePrefix + "…: " + arn);
    }
  }

  static String region(String arn) {
    return arn.split(":", 6)[3];
  }

  static String resource(String arn) {
    return arn.split(":", 6)[5];
  }
}
