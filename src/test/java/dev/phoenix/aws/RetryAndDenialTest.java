package dev.phoenix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.FakeEndpoint.Response;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Throttling that outlasts the retries, and access denied, are UNKNOWN — never MISSING. */
class RetryAndDenialTest {
  @Test
  void throttlingIsRetriedBoundedThenUnknown() {
    try (FakeEndpoint ssm = new FakeEndpoint(r -> new Response(400, "application/x-amz-json-1.1",
            "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"));
        SsmService service = SsmService.connect(
            ssm.config().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), 3))) {
      Ref ref = new Ref.Ssm("/shop/db", 1);
      Finding f = service.checker().check(List.of(ref), MotoAws.options(false)).get(ref);
      assertThat(f.status()).isEqualTo(Status.UNKNOWN);
      assertThat(f.reason()).contains("throttled after retries", "ThrottlingException");
      assertThat(ssm.requests()).hasSize(3);
    }
  }

  @Test
  void s3AccessDeniedIsUnknown() {
    try (FakeEndpoint s3 = new FakeEndpoint(r -> new Response(403, "application/xml", ""));
        S3Service service = S3Service.connect(s3.config())) {
      Ref ref = new Ref.S3Object("bucket-a", "fn.zip", "v1", "0".repeat(64));
      Finding f = service.checker().check(List.of(ref), MotoAws.options(false)).get(ref);
      assertThat(f.status()).isEqualTo(Status.UNKNOWN);
      assertThat(f.reason()).contains("access denied", "403");
      assertThat(s3.requests()).hasSize(1);
      assertThat(s3.requests().get(0).path()).isEqualTo("/bucket-a/fn.zip");
    }
  }
}
