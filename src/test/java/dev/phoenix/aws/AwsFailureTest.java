package dev.phoenix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsFailureTest {
  private static AwsServiceException service(String code, int status, String message) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }

  @Test
  void throttlingIsNeverNotFoundAndBecomesUnknown() {
    AwsFailure f = AwsFailure.of(service("ThrottlingException", 400, "Rate exceeded"),
        Set.of("ThrottlingException"), true, true);
    assertThat(f.kind()).isEqualTo(AwsFailure.Kind.THROTTLED);
    assertThat(f.unknown("ssm:/a:1").status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.describe()).startsWith("throttled after retries (ThrottlingException, HTTP 400)");
  }

  @Test
  void missingCredentialsAreSaidPlainlyAndAreUnknownNotMissing() {
    AwsFailure f = AwsFailure.of(software.amazon.awssdk.core.exception.SdkClientException.create(
        "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(…)"),
        Set.of(), true, false);
    assertThat(f.kind()).isEqualTo(AwsFailure.Kind.DENIED);
    assertThat(f.unknown("ssm:/a:1").status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.describe()).isEqualTo("access denied (NoCredentials): no AWS credentials found: set AWS_PROFILE,"
        + " or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance or task role is available");
  }

  @Test
  void notFoundOnlyForTheNamedCodesOr404WhenAllowed() {
    assertThat(AwsFailure.of(service("ParameterNotFound", 400, "x"), Set.of("ParameterNotFound"), false, true).kind())
        .isEqualTo(AwsFailure.Kind.NOT_FOUND);
    assertThat(AwsFailure.of(service("", 404, null), Set.of(), true, true).kind()).isEqualTo(AwsFailure.Kind.NOT_FOUND);
    assertThat(AwsFailure.of(service("", 404, null), Set.of(), false, true).kind()).isNotEqualTo(AwsFailure.Kind.NOT_FOUND);
    assertThat(AwsFailure.of(service("", 403, null), Set.of(), true, true).kind()).isEqualTo(AwsFailure.Kind.DENIED);
    assertThat(AwsFailure.of(service("AccessDeniedException", 400, "no"), Set.of(), true, true).kind())
        .isEqualTo(AwsFailure.Kind.DENIED);
    assertThat(AwsFailure.of(service("InternalError", 500, "boom"), Set.of(), true, true).kind())
        .isEqualTo(AwsFailure.Kind.SERVICE);
  }

  @Test
  void timeoutsAndUnreachableEndpointsAreUnavailableNotInput() {
    AwsFailure timeout = AwsFailure.of(ApiCallTimeoutException.create(1000), Set.of(), true, true);
    AwsFailure down = AwsFailure.of(SdkClientException.create("Connection refused"), Set.of(), true, true);
    assertThat(timeout.kind()).isEqualTo(AwsFailure.Kind.TIMEOUT);
    assertThat(down.kind()).isEqualTo(AwsFailure.Kind.UNREACHABLE);
    assertThat(new AwsException("GetParameter /a", down, null).kind()).isEqualTo(PhoenixException.Kind.UNAVAILABLE);
    AwsFailure missing = AwsFailure.of(service("ParameterNotFound", 400, "x"), Set.of("ParameterNotFound"), false, true);
    assertThat(new AwsException("GetParameter /a", missing, null).kind()).isEqualTo(PhoenixException.Kind.INPUT);
  }

  @Test
  void serviceMessagesAreDroppedForCallsThatCarryValues() {
    AwsServiceException echo = service("ValidationException", 400,
        "Value 'CANARY-XYZ' at 'value' failed to satisfy constraint");
    assertThat(AwsFailure.of(echo, Set.of(), false, false).describe()).doesNotContain("CANARY-XYZ")
        .contains("ValidationException");
    assertThat(AwsFailure.of(echo, Set.of(), false, true).describe()).contains("CANARY-XYZ");
  }
}
