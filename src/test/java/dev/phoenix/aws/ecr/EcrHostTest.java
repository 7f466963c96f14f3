package dev.phoenix.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import org.junit.jupiter.api.Test;

class EcrHostTest {
  @Test
  void parsesPrivateEcrHosts() {
    assertThat(EcrHost.parse("123456789012.dkr.ecr.eu-west-2.amazonaws.com"))
        .contains(new EcrHost("123456789012.dkr.ecr.eu-west-2.amazonaws.com", "123456789012", "eu-west-2"));
    assertThat(EcrHost.parse("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com")).isPresent();
    assertThat(EcrHost.parse("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn").get().region()).isEqualTo("cn-north-1");
    assertThat(EcrHost.parse("public.ecr.aws")).isEmpty();
    assertThat(EcrHost.parse("12345.dkr.ecr.eu-west-2.amazonaws.com")).isEmpty();
    assertThat(EcrHost.parse("registry.example.com")).isEmpty();
  }

  @Test
  void handlesOnlyEcrImagesAndMapsFailureCodes() {
    EcrChecker checker = EcrService.connect(dev.phoenix.aws.AwsConfig.defaults().withRegion("us-east-1")).checker();
    Digest d = Digest.of("sha256:" + "a".repeat(64));
    assertThat(checker.handles(new Ref.Image("123456789012.dkr.ecr.us-east-1.amazonaws.com", "api", d))).isTrue();
    assertThat(checker.handles(new Ref.Image("registry.example.com", "api", d))).isFalse();
    assertThat(checker.handles(new Ref.Ssm("/a", 1))).isFalse();
    assertThat(EcrChecker.finding("found").status()).isEqualTo(Status.OK);
    assertThat(EcrChecker.finding("ImageNotFound").status()).isEqualTo(Status.MISSING);
    assertThat(EcrChecker.finding("KmsError").status()).isEqualTo(Status.UNKNOWN);
    assertThat(EcrChecker.finding(null).status()).isEqualTo(Status.UNKNOWN);
  }
}
