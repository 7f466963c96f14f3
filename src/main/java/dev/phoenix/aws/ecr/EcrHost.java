package dev.phoenix.aws.ecr;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A private ECR registry host {@code <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]}. */
public record EcrHost(String host, String account, String region) {
  private static final Pattern HOST =
      Pattern.compile("(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com(?:\\.cn)?");

  public static Optional<EcrHost> parse(String host) {
    if (host == null) {
      return Optional.empty();
    }
    Matcher m = HOST.matcher(host);
    return m.matches() ? Optional.of(new EcrHost(host, m.group(1), m.group(2))) : Optional.empty();
  }
}
