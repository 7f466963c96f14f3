package dev.phoenix.aws;

import dev.phoenix.check.Throttle;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Every attempt of one AWS client (one service in one region: the lane {@code ssm:eu-west-1}) takes
 * a slot of the lane's {@link Throttle} before it is sent; an answer that says the service is
 * throttling (HTTP 429, 503 — S3's SlowDown, EC2's RequestLimitExceeded — or an
 * {@code x-amzn-ErrorType} of ThrottlingException, TooManyRequestsException and kin) slows the lane
 * down, and answers recover it. The SDK's own retry strategy retries the throttled call with its
 * throttling back-off; the lane keeps every other call of the run from piling on meanwhile.
 */
final class AwsPace implements ExecutionInterceptor {
  static final Set<String> THROTTLING = Set.of("throttlingexception", "throttling", "toomanyrequestsexception",
      "throttledexception", "requestlimitexceeded", "provisionedthroughputexceededexception", "slowdown",
      "requestthrottled", "requestthrottledexception", "limitexceededexception");

  private final Throttle lane;

  AwsPace(Throttle lane) {
    this.lane = lane;
  }

  /** "ssm:eu-west-1" for SsmClient's builder; Secrets Manager is "secrets". */
  static String lane(Class<?> builder, String region) {
    String name = builder.getSimpleName().replaceFirst("^Default", "").replaceFirst("ClientBuilder$", "")
        .toLowerCase(Locale.ROOT);
    name = name.equals("secretsmanager") ? "secrets" : name;
    return name + ":" + region;
  }

  /** Whether an answer says "slow down": the status, or the error type AWS's JSON protocols name in a header. */
  static boolean throttling(int status, Optional<String> errorType) {
    if (status == 429 || status == 503) {
      return true;
    }
    if (status < 400 || errorType.isEmpty()) {
      return false;
    }
    String type = errorType.get();
    int colon = type.indexOf(':'); // "ThrottlingException:http://internal.amazon.com/…"
    type = (colon < 0 ? type : type.substring(0, colon)).trim();
    int hash = type.lastIndexOf('#'); // "com.amazonaws.ssm#ThrottlingException"
    return THROTTLING.contains(type.substring(hash + 1).toLowerCase(Locale.ROOT));
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    lane.acquire(null); // the call's own timeout bounds the wait
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    SdkHttpResponse r = context.httpResponse();
    if (throttling(r.statusCode(), r.firstMatchingHeader("x-amzn-ErrorType"))) {
      lane.throttled(r.firstMatchingHeader("Retry-After")
          .flatMap(v -> retryAfter(v)).orElse(null));
    } else {
      lane.answered();
    }
  }

  private static Optional<Duration> retryAfter(String v) {
    try {
      long s = Long.parseLong(v.trim());
      return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(60, s)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

}
