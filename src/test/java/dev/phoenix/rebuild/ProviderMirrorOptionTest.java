package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.engine.ProviderMirror;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderMirrorOptionTest {
  @TempDir Path dir;

  private Path mirror(String name) throws Exception {
    Path m = dir.resolve(name);
    Files.createDirectories(m.resolve("registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64"));
    return m;
  }

  private static TargetSettings file(String mirror) {
    return TargetsFile.parse("environments/prod/targets.yaml", ("apiVersion: phoenix/v1\nkind: Targets\ntargets:\n"
        + "  aws:\n    region: eu-west-1\n    providerMirror: " + mirror + "\n").getBytes(StandardCharsets.UTF_8), "aws");
  }

  private static TerraformDeployer deployer(Map<String, String> env) {
    return new TerraformDeployer((ctx, extra) -> {
      throw new TerraformDeployer.EngineUnavailable("not run");
    }, env);
  }

  @Test
  void theFlagWinsThenTheEnvironmentThenTargetsYaml() throws Exception {
    Path fromFile = mirror("file");
    Path fromEnv = mirror("env");
    Path fromFlag = mirror("flag");
    Map<String, String> env = Map.of(ProviderMirror.ENV, fromEnv.toString());

    assertThat(deployer(Map.of()).providerMirror(file(fromFile.toString()))).contains(new ProviderMirror(fromFile));
    assertThat(deployer(env).providerMirror(file(fromFile.toString()))).contains(new ProviderMirror(fromEnv));
    assertThat(deployer(env).providerMirror(file(fromFile.toString())
        .withFlags(Map.of(TerraformDeployer.MIRROR_OPTION, fromFlag.toString())))).contains(new ProviderMirror(fromFlag));
    assertThat(deployer(Map.of()).providerMirror(TargetSettings.empty("x"))).isEmpty();
  }

  @Test
  void aDirectoryThatIsNoMirrorIsAnInputErrorAtItsLine() throws Exception {
    assertThatThrownBy(() -> deployer(Map.of()).providerMirror(file(dir.resolve("none").toString())))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("environments/prod/targets.yaml:6")
        .hasMessageContaining("providerMirror: " + dir.resolve("none") + " is not a directory");
    assertThatThrownBy(() -> deployer(Map.of(ProviderMirror.ENV, dir.toString())).providerMirror(TargetSettings.empty("x")))
        .isInstanceOf(PhoenixException.class)
        .hasMessageStartingWith(ProviderMirror.ENV + "=" + dir + ": " + dir + " holds no provider");
  }
}
