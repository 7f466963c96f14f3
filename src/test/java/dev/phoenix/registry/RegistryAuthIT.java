package dev.phoenix.registry;

import static dev.phoenix.registry.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import dev.phoenix.testsupport.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth against a real htpasswd registry, credentials from a Docker config.json. */
class RegistryAuthIT {
  private static LocalRegistry open;
  private static AuthRegistry secured;
  private static String digest;

  @BeforeAll
  static void start() {
    open = LocalRegistry.start();
    digest = open.pushSyntheticImage("private/app", "v1", bytes("private app"));
    secured = AuthRegistry.start(open.storageDir(), "phoenix", "correct-horse");
  }

  @AfterAll
  static void stop() {
    secured.close();
    open.close();
  }

  @Test
  void wrongCredentialsAreUnknownWithTheReason() {
    RegistryCredentials wrong = host -> Optional.of(new RegistryCredential.Basic("phoenix", "wrong"));

    Finding f = Fixtures.checkOne(wrong, secured.hostPort(), "private/app", digest, false);

    assertThat(f).isEqualTo(Finding.unknown("authentication failed at " + secured.hostPort() + " (401)"));
    assertThat(f.reason()).doesNotContain("wrong");
  }

  @Test
  void anonymousIsUnknownNotMissing() {
    Finding f = Fixtures.checkOne(secured.hostPort(), "private/app", digest, false);

    assertThat(f).isEqualTo(Finding.unknown("authentication failed at " + secured.hostPort() + " (401)"));
  }

  @Test
  void credentialsFromDockerConfigJsonAreOkShallowAndDeep(@TempDir Path dockerConfig) throws IOException {
    String auth = Base64.getEncoder().encodeToString("phoenix:correct-horse".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dockerConfig.resolve("config.json"),
        "{\"auths\":{\"" + secured.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");
    RegistryCredentials creds =
        DockerConfigCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", dockerConfig.toString()));
    Ref present = new Ref.Image(secured.hostPort(), "private/app", Digest.of(digest));
    Ref absent = new Ref.Image(secured.hostPort(), "private/app", Digest.of("sha256:" + "c".repeat(64)));

    Map<Ref, Finding> shallow = Fixtures.check(creds, false, List.of(present, absent));
    Finding deep = Fixtures.checkOne(creds, secured.hostPort(), "private/app", digest, true);

    assertThat(shallow.get(present)).isEqualTo(Finding.ok());
    assertThat(shallow.get(absent).status()).isEqualTo(Status.MISSING);
    assertThat(deep.status()).isEqualTo(Status.OK);
  }
}
