package dev.phoenix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

  @TempDir Path dir;

  @Test
  void prefersTofuOnPathOverTerraform() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    fakeBinary(bin.resolve("terraform"));
    Path tofu = fakeBinary(bin.resolve("tofu"));
    EngineBinary found = locator(bin.toString(), dir.resolve("cache")).locate(null);
    assertThat(found).isEqualTo(new EngineBinary(tofu, EngineBinary.Flavor.OPENTOFU));
  }

  @Test
  void prefersTofuBuiltByEnsureTofuOverTerraformOnPath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    fakeBinary(bin.resolve("terraform"));
    Path cached = fakeBinary(Files.createDirectories(dir.resolve("cache/bin")).resolve("tofu"));
    assertThat(locator(bin.toString(), dir.resolve("cache")).locate("").executable()).isEqualTo(cached);
  }

  @Test
  void fallsBackToTerraform() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path terraform = fakeBinary(bin.resolve("terraform"));
    EngineBinary found = locator(bin.toString(), dir.resolve("cache")).locate(null);
    assertThat(found).isEqualTo(new EngineBinary(terraform, EngineBinary.Flavor.TERRAFORM));
  }

  @Test
  void explicitEngineWinsAsPathOrName() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    fakeBinary(bin.resolve("tofu"));
    Path terraform = fakeBinary(bin.resolve("terraform"));
    Path custom = fakeBinary(dir.resolve("my-tofu"));
    EngineLocator locator = locator(bin.toString(), dir.resolve("cache"));
    assertThat(locator.locate("terraform").executable()).isEqualTo(terraform);
    assertThat(locator.locate(custom.toString())).isEqualTo(new EngineBinary(custom, EngineBinary.Flavor.OPENTOFU));
  }

  @Test
  void nothingFoundNamesEveryPlaceLookedAt() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("tofu"), "not executable");
    EngineLocator locator = locator(empty.toString(), dir.resolve("cache"));
    assertThatThrownBy(() -> locator.locate(null))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("scripts/ensure-tofu")
        .satisfies(e -> assertThat(((EngineException) e).lastLines())
            .contains("not found: " + empty.resolve("tofu"), "not found: " + dir.resolve("cache/bin/terraform")));
    assertThatThrownBy(() -> locator.locate(dir.resolve("nope").toString()))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("--engine " + dir.resolve("nope"));
  }

  @Test
  void cacheDefaultsUnderHome() {
    EngineLocator locator = new EngineLocator(Map.of("HOME", "/home/x", "PATH", ""));
    assertThat(locator.cacheBin()).isEqualTo(Path.of("/home/x/.cache/phoenix/bin"));
  }

  private static EngineLocator locator(String path, Path cache) {
    return new EngineLocator(Map.of("PATH", path, "PHOENIX_CACHE", cache.toString()));
  }

  private static Path fakeBinary(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file.toAbsolutePath();
  }
}
