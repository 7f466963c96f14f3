package dev.phoenix.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.testsupport.TerraformValidator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terraform validate} (Terraform 1.11.4, hashicorp/aws 5.100.0 from the filesystem mirror)
 * of every synthesized stack: the sample requests with every option (exposed services and a
 * worker, registry credentials, KMS keys, task policies, functions with secret contracts, zones
 * by id, single and per-zone NAT), under the S3 and the local backend.
 */
class TerraformValidateIT {

  @TempDir Path out;

  @Test
  void everyStackOfEveryOptionValidatesAgainstTheRealProviderSchema() throws Exception {
    TerraformValidator terraform = new TerraformValidator(out.resolve("tf"));
    SynthResult all =
        new Synthesizer()
            .synthesize(
                SampleRequests.everything(
                    new StateBackend.S3("shop-state", "test", "eu-west-1", "locks"), "e5f6a7b8"),
                out.resolve("everything"), "validate");
    SynthResult plain =
        new Synthesizer()
            .synthesize(SampleRequests.twoServices(StateBackend.local()), out.resolve("plain"),
                "validate");
    for (SynthResult result : new SynthResult[] {all, plain}) {
      assertThat(result.stacks()).containsOnlyKeys(SynthRequest.ROOT_STACK);
      for (Map.Entry<String, Path> stack : result.stacks().entrySet()) {
        JsonNode report = terraform.validate(stack.getValue().getParent());
        assertThat(report.path("valid").asBoolean()).as(stack.getKey()).isTrue();
        assertThat(report.path("error_count").asInt()).as(stack.getKey()).isZero();
      }
    }
  }

  @Test
  void datastoreRestoresValidateAgainstTheRealProviderSchema() throws Exception {
    TerraformValidator terraform = new TerraformValidator(out.resolve("tf-data"));
    SynthResult data = new Synthesizer().synthesize(
        SampleRequests.withDatastores(SampleRequests.twoServices(StateBackend.local())), out.resolve("data"),
        "validate");
    JsonNode report = terraform.validate(data.stacks().get(SynthRequest.ROOT_STACK).getParent());
    assertThat(report.path("diagnostics").toString()).as("diagnostics").doesNotContain("\"severity\":\"error\"");
    assertThat(report.path("valid").asBoolean()).isTrue();
  }
}
