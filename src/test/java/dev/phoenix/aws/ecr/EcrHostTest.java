package dev.phoenix.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EcrHostTest {
  /** For shallow checks: a deep check must never reach it. */
  static final RefChecker NO_DEEP = new RefChecker() {
    public boolean handles(Ref ref) {
      return true;
    }

    public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
      throw new AssertionError("a shallow check went to the deep checker");
    }
  };

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
    EcrChecker checker = EcrService.connect(dev.phoenix.aws.AwsConfig.defaults().withRegion("us-east-1")).checker(NO_DEEP);
    Digest d = Digest.of("sha256:" + "a".repeat(64));
    assertThat(checker.handles(new Ref.Image("123456789012.dkr.ecr.us-east-1.amazonaws.com", "api", d))).isTrue();
    assertThat(checker.handles(new Ref.Image("registry.example.com", "api", d))).isFalse();
    assertThat(checker.handles(new Ref.Ssm("/a", 1))).isFalse();
    assertThat(EcrChecker.finding("found").status()).isEqualTo(Status.OK);
    assertThat(EcrChecker.finding("ImageNotFound").status()).isEqualTo(Status.MISSING);
    assertThat(EcrChecker.finding("KmsError").status()).isEqualTo(Status.UNKNOWN);
    assertThat(EcrChecker.finding(null).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void deepChecksGoToTheRegistryApiCheckerNeverToBatchGetImage() {
    List<Ref> asked = new ArrayList<>();
    RefChecker registryApi = new RefChecker() {
      public boolean handles(Ref ref) {
        return ref instanceof Ref.Image;
      }

      public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
        asked.addAll(refs);
        Map<Ref, Finding> out = new LinkedHashMap<>();
        refs.forEach(r -> out.put(r, Finding.corrupt("blob sha256:… hashes to sha256:…")));
        return out;
      }
    };
    // no AWS endpoint is reachable here: had it called BatchGetImage, the finding would be UNKNOWN
    EcrChecker checker = EcrService.connect(dev.phoenix.aws.AwsConfig.forEndpoint(java.net.URI.create("http://127.0.0.1:9"),
        "us-east-1", "test", "test")).checker(registryApi);
    Ref ecr = new Ref.Image("123456789012.dkr.ecr.us-east-1.amazonaws.com", "api", Digest.of("sha256:" + "b".repeat(64)));
    CheckOptions deep = new CheckOptions(true, 4, Instant.now().plusSeconds(30), Set.of(), r -> { });
    Map<Ref, Finding> out = checker.check(List.of(ecr, ecr), deep);
    assertThat(asked).containsExactly(ecr);
    assertThat(out.get(ecr).status()).isEqualTo(Status.CORRUPT);
  }
}
