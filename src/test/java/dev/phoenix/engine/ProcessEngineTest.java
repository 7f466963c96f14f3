package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessEngineTest {

  @Test
  void childEnvironmentDropsStrayInputsAndAddsAutomationFlags() {
    Map<String, String> child = ProcessEngine.childEnvironment(Map.of(
        "PATH", "/bin",
        "AWS_PROFILE", "rebuild",
        "TF_VAR_db_password", "hunter2",
        "TF_CLI_ARGS_plan", "-var=x=y",
        "TF_CLI_CONFIG_FILE", "/nonexistent/.terraformrc"));
    assertThat(child)
        .containsEntry("PATH", "/bin")
        .containsEntry("AWS_PROFILE", "rebuild")
        .containsEntry("TF_IN_AUTOMATION", "1")
        .containsEntry("TF_INPUT", "0")
        .containsEntry("CHECKPOINT_DISABLE", "1")
        .doesNotContainKeys("TF_VAR_db_password", "TF_CLI_ARGS_plan", "TF_CLI_CONFIG_FILE");
    assertThat(ProcessEngine.childEnvironment(Map.of("TF_CLI_CONFIG_FILE", "/dev/null")))
        .doesNotContainKey("TF_CLI_CONFIG_FILE"); // not a regular file either
  }

  @Test
  void engineExceptionDescribesCommandExitCodeAndLastLines() {
    EngineException e = new EngineException("tofu apply failed", java.util.List.of("tofu", "apply", "p"), 1,
        java.util.List.of("Error: boom"));
    assertThat(e.describe()).isEqualTo("tofu apply failed\n  command: tofu apply p\n  exit code: 1\n  last lines:\n    Error: boom");
  }
}
