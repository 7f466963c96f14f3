package dev.phoenix.registry;

import static dev.phoenix.registry.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Finding;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker credential helpers, with the real {@code docker-credential-pass} (Debian
 * golang-docker-credential-helpers) over a real {@code pass} store encrypted with a throw-away
 * GnuPG key, against a real htpasswd registry.
 */
class CredentialHelperIT {
  private static LocalRegistry open;
  private static AuthRegistry secured;
  private static String digest;
  @TempDir static Path home;
  private static Map<String, String> env;

  @BeforeAll
  static void start() throws Exception {
    Path helper = Servers.requireBinary("docker-credential-pass", "credential helper tests (golang-docker-credential-helpers)");
    Servers.requireBinary("pass", "credential helper tests");
    Path gpg = Servers.requireBinary("gpg", "credential helper tests");
    open = LocalRegistry.start();
    digest = open.pushSyntheticImage("helper/app", "v1", bytes("helper app"));
    secured = AuthRegistry.start(open.storageDir(), "phoenix", "correct-horse");

    Path gnupg = Files.createDirectory(home.resolve("gnupg"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("GNUPGHOME", gnupg.toString());
    env.put("PASSWORD_STORE_DIR", home.resolve("store").toString());
    env.put("DOCKER_CONFIG", home.resolve("docker").toString());
    run(List.of(gpg.toString(), "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
        "--quick-generate-key", "phoenix-test@example.invalid", "default", "default", "never"));
    run(List.of("pass", "init", "phoenix-test@example.invalid"));
    Path json = home.resolve("creds.json");
    Files.writeString(json, "{\"ServerURL\":\"" + secured.hostPort() + "\",\"Username\":\"phoenix\",\"Secret\":\"correct-horse\"}");
    run(List.of("sh", "-c", "'" + helper + "' store < '" + json + "'"));
    Files.delete(json);
    Files.createDirectories(home.resolve("docker"));
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      Exec.run(Duration.ofSeconds(10), List.of("gpgconf", "--kill", "gpg-agent"), env);
    }
    if (secured != null) {
      secured.close();
    }
    if (open != null) {
      open.close();
    }
  }

  @Test
  void credHelpersForTheHostGivesAccess() throws Exception {
    Files.writeString(home.resolve("docker/config.json"), "{\"credHelpers\":{\"" + secured.hostPort() + "\":\"pass\"}}");

    Finding f = Fixtures.checkOne(DockerConfigCredentials.fromEnvironment(env), secured.hostPort(), "helper/app",
        digest, false);

    assertThat(f).isEqualTo(Finding.ok());
  }

  @Test
  void credsStoreGivesAccessAndOverridesAStaleAuthsEntry() throws Exception {
    String stale = java.util.Base64.getEncoder().encodeToString("phoenix:old-password".getBytes());
    Files.writeString(home.resolve("docker/config.json"),
        "{\"credsStore\":\"pass\",\"auths\":{\"" + secured.hostPort() + "\":{\"auth\":\"" + stale + "\"}}}");

    Finding f = Fixtures.checkOne(DockerConfigCredentials.fromEnvironment(env), secured.hostPort(), "helper/app",
        digest, false);

    assertThat(f).isEqualTo(Finding.ok());
  }

  @Test
  void aHostTheStoreDoesNotKnowIsAnonymousAndAMissingHelperFallsBackToAuths() throws Exception {
    Files.writeString(home.resolve("docker/config.json"), "{\"credsStore\":\"pass\"}");
    DockerConfigCredentials store = DockerConfigCredentials.fromEnvironment(env);
    Files.writeString(home.resolve("docker/config.json"), "{\"credsStore\":\"no-such-helper\"}");
    DockerConfigCredentials missing = DockerConfigCredentials.fromEnvironment(env);
    String auth = java.util.Base64.getEncoder().encodeToString("phoenix:correct-horse".getBytes());
    Files.writeString(home.resolve("docker/config.json"),
        "{\"credsStore\":\"no-such-helper\",\"auths\":{\"" + secured.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");
    DockerConfigCredentials missingWithAuths = DockerConfigCredentials.fromEnvironment(env);

    assertThat(store.lookup("127.0.0.1:1")).isEmpty();
    assertThat(store.lookup(secured.hostPort())).get().hasToString("Basic[phoenix, ****]");
    assertThat(missing.lookup(secured.hostPort())).isEmpty();
    assertThat(Fixtures.checkOne(missing, secured.hostPort(), "helper/app", digest, false))
        .isEqualTo(Finding.unknown("authentication failed at " + secured.hostPort() + " (401)"));
    assertThat(Fixtures.checkOne(missingWithAuths, secured.hostPort(), "helper/app", digest, false))
        .isEqualTo(Finding.ok());
  }

  private static void run(List<String> command) {
    Exec.run(Duration.ofSeconds(60), command, env).orThrow();
  }
}
