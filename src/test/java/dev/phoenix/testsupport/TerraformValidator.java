package dev.phoenix.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code terraform init -backend=false} and {@code terraform validate -json} of a synthesized
 * stack directory, with the real AWS provider from this machine's filesystem mirror
 * ({@value #MIRROR}, hashicorp/aws 5.100.0) and Terraform 1.11.4 ({@value #TERRAFORM}). The
 * provider is linked from the mirror (it is laid out like a plugin cache), not copied: 700 MB.
 */
public final class TerraformValidator {
  public static final String TERRAFORM = "/usr/local/bin/terraform";
  public static final String MIRROR = "/opt/tf-plugins";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path cliConfig;

  /** Writes the CLI configuration into {@code scratch}; fails when Terraform or the mirror is missing. */
  public TerraformValidator(Path scratch) {
    if (!Files.isExecutable(Path.of(TERRAFORM)) || !Files.isDirectory(Path.of(MIRROR, "registry.terraform.io"))) {
      throw new IllegalStateException("this test needs Terraform at " + TERRAFORM + " and the AWS provider mirror at "
          + MIRROR + " (registry.terraform.io/hashicorp/aws)");
    }
    cliConfig = scratch.resolve("validate.tfrc");
    try {
      Files.createDirectories(scratch);
      Files.writeString(cliConfig, """
          provider_installation {
            filesystem_mirror {
              path    = "%1$s"
              include = ["registry.terraform.io/hashicorp/aws"]
            }
          }
          plugin_cache_dir = "%1$s"
          plugin_cache_may_break_dependency_lock_file = true
          """.formatted(MIRROR));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code terraform init} (with the stack's backend) and {@code terraform plan} of {@code stackDir}
   * against the AWS endpoint {@code endpoint} (an emulator) with static test credentials; the
   * plan's result, failed or not.
   */
  public Exec.Result plan(Path stackDir, java.net.URI endpoint, String accessKey, String secretKey) {
    Map<String, String> env = Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString(), "TF_IN_AUTOMATION", "1",
        "CHECKPOINT_DISABLE", "1", "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ACCESS_KEY_ID", accessKey,
        "AWS_SECRET_ACCESS_KEY", secretKey, "AWS_S3_USE_PATH_STYLE", "true", "AWS_EC2_METADATA_DISABLED", "true");
    Exec.run(Duration.ofMinutes(3), List.of(TERRAFORM, "-chdir=" + stackDir, "init", "-input=false", "-no-color"),
        env).orThrow();
    return Exec.run(Duration.ofMinutes(5),
        List.of(TERRAFORM, "-chdir=" + stackDir, "plan", "-input=false", "-no-color", "-lock=false"), env);
  }

  /** The {@code validate -json} document of {@code stackDir}; throws with the diagnostics when invalid. */
  public JsonNode validate(Path stackDir) {
    Map<String, String> env = Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString(), "TF_IN_AUTOMATION", "1",
        "CHECKPOINT_DISABLE", "1");
    Exec.run(Duration.ofMinutes(3), List.of(TERRAFORM, "-chdir=" + stackDir, "init", "-backend=false", "-input=false",
        "-no-color"), env).orThrow();
    Exec.Result result = Exec.run(Duration.ofMinutes(3),
        List.of(TERRAFORM, "-chdir=" + stackDir, "validate", "-json", "-no-color"), env);
    JsonNode report;
    try {
      report = JSON.readTree(result.stdout());
    } catch (IOException e) {
      throw new IllegalStateException("terraform validate gave no JSON: " + result.stderr() + result.stdout(), e);
    }
    if (!report.path("valid").asBoolean() || report.path("warning_count").asInt() != 0) {
      throw new AssertionError(stackDir + " is not valid:\n" + report.toPrettyString());
    }
    return report;
  }
}
