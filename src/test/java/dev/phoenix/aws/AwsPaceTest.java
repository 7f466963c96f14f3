package dev.phoenix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Which AWS answers slow a lane down (ThrottlingException is hard to make moto send: the rule, tested alone). */
class AwsPaceTest {
  @Test
  void throttlingAnswersAreTheStatusesAndErrorTypesAwsUsesForSlowDown() {
    assertThat(AwsPace.throttling(429, Optional.empty())).isTrue();
    assertThat(AwsPace.throttling(503, Optional.empty())).isTrue(); // S3 SlowDown, EC2 RequestLimitExceeded
    assertThat(AwsPace.throttling(400, Optional.of("ThrottlingException"))).isTrue();
    assertThat(AwsPace.throttling(400, Optional.of("ThrottlingException:http://internal.amazon.com/coral/"))).isTrue();
    assertThat(AwsPace.throttling(400, Optional.of("com.amazonaws.ecr#TooManyRequestsException"))).isTrue();
    assertThat(AwsPace.throttling(400, Optional.of("ParameterNotFound"))).isFalse();
    assertThat(AwsPace.throttling(400, Optional.empty())).isFalse();
    assertThat(AwsPace.throttling(200, Optional.of("ThrottlingException"))).isFalse();
  }

  @Test
  void eachClientIsTheLaneOfItsServiceAndRegion() {
    assertThat(AwsPace.lane(SsmClient.builder().getClass(), "eu-west-1")).isEqualTo("ssm:eu-west-1");
    assertThat(AwsPace.lane(SecretsManagerClient.builder().getClass(), "us-east-1")).isEqualTo("secrets:us-east-1");
  }
}
