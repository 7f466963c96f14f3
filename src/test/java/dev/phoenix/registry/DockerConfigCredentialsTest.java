package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {

  @Test
  void readsAuthsByHostIncludingUrlFormsAndDockerHubAliases(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.json"), "{\"auths\":{"
        + "\"registry.example.com:5000\":{\"auth\":\"" + b64("alice:pa:ss") + "\"},"
        + "\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("bob:hub") + "\"},"
        + "\"https://ghcr.io\":{\"auth\":\"" + b64("carol:gh") + "\"},"
        + "\"broken.example.com\":{\"auth\":\"not base64!\"},"
        + "\"nouser.example.com\":{\"auth\":\"" + b64("no-colon") + "\"}},"
        + "\"credsStore\":\"desktop\"}"); // docker-credential-desktop is not installed: auths count
    var creds = DockerConfigCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString()));

    assertThat(creds.lookup("registry.example.com:5000")).contains(new RegistryCredential.Basic("alice", "pa:ss"));
    assertThat(creds.lookup("docker.io")).contains(new RegistryCredential.Basic("bob", "hub"));
    assertThat(creds.lookup("registry-1.docker.io")).contains(new RegistryCredential.Basic("bob", "hub"));
    assertThat(creds.lookup("GHCR.io")).contains(new RegistryCredential.Basic("carol", "gh"));
    assertThat(creds.lookup("broken.example.com")).isEmpty();
    assertThat(creds.lookup("nouser.example.com")).isEmpty();
    assertThat(creds.lookup("other.example.com")).isEmpty();
  }

  @Test
  void homeDotDockerIsTheDefaultAndAMissingOrBadFileIsAnonymous(@TempDir Path home) throws IOException {
    assertThat(DockerConfigCredentials.configFile(Map.of("HOME", home.toString())))
        .isEqualTo(home.resolve(".docker/config.json"));
    assertThat(DockerConfigCredentials.fromEnvironment(Map.of("HOME", home.toString())).lookup("x.io")).isEmpty();
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{not json");
    assertThat(DockerConfigCredentials.fromEnvironment(Map.of("HOME", home.toString())).lookup("x.io")).isEmpty();
  }

  @Test
  void credentialsNeverShowTheirSecret() {
    assertThat(new RegistryCredential.Basic("alice", "hunter2").toString()).doesNotContain("hunter2");
    assertThat(new RegistryCredential.Token("eyJsecret").toString()).doesNotContain("eyJsecret");
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
