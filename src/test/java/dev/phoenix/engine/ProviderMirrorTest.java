package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderMirrorTest {
  @TempDir Path dir;

  @Test
  void aMirrorHoldsHostNamespaceTypeDirectories() throws Exception {
    Files.createDirectories(dir.resolve("registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64"));
    Files.createDirectories(dir.resolve("registry.opentofu.org/hashicorp/random/3.6.0/linux_amd64"));

    assertThat(ProviderMirror.problem(dir)).isEmpty();
    assertThat(new ProviderMirror(dir).providers())
        .containsExactly("registry.opentofu.org/hashicorp/random", "registry.terraform.io/hashicorp/aws");
  }

  @Test
  void aMissingOrEmptyDirectoryIsNamedAsTheProblem() throws Exception {
    assertThat(ProviderMirror.problem(dir.resolve("absent"))).contains(dir.resolve("absent") + " is not a directory");
    assertThat(ProviderMirror.problem(dir)).hasValueSatisfying(p -> assertThat(p)
        .startsWith(dir + " holds no provider").contains("registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/"));
  }

  @Test
  void theCliConfigurationInstallsFromTheMirrorOnly() throws Exception {
    Path odd = Files.createDirectories(dir.resolve("with \"quote\" and ${x}"));
    Map<String, String> env = new ProviderMirror(odd).writeConfig(dir.resolve("target"));

    Path file = dir.resolve("target").resolve(ProviderMirror.CONFIG_FILE);
    assertThat(env).isEqualTo(Map.of("TF_CLI_CONFIG_FILE", file.toString()));
    assertThat(Files.readString(file)).isEqualTo("# written by phoenix: providers come from this mirror only\n"
        + "provider_installation {\n"
        + "  filesystem_mirror {\n"
        + "    path = \"" + dir + "/with \\\"quote\\\" and $${x}\"\n"
        + "  }\n"
        + "}\n");
  }
}
