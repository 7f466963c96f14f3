package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.lockfile.ConfigSafety;
import dev.phoenix.lockfile.LockfileReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that say "secret" in any spelling are refused as plain values; innocent look-alikes are not. */
class SecretNamesTest {

  private static java.util.List<Problem> problems(String name) {
    String lock = TinyEstate.lock("sec", "    " + name + ": {value: plain-text}\n");
    return LockfileReader.read(TinyEstate.lockPath("sec"), lock.getBytes(StandardCharsets.UTF_8), "sec").problems();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DB_PASS", "SMTP_PASS", "db_pass", "dbPass", "KEY_PASSPHRASE", "GPG_PASSPHRASE",
      "PROXY_AUTH", "BASIC_AUTH", "basicAuth", "DB_PWD", "MYSQL_ROOT_PWD", "PRIVATE_KEY", "AWS_CREDENTIALS",
      "GOOGLE_APPLICATION_CREDENTIALS", "AWS_SECRET_KEY", "dbPassword", "ADMIN_PW", "GITHUB_CREDS", "SESSION_JWT",
      "API_BEARER", "HTTP_AUTHORIZATION", "DB_PASSWORD", "PASSWD", "API_TOKEN", "apiKey", "SIGNING_KEY"})
  void secretLookingNamesAreRefusedWithoutEchoingTheValue(String name) {
    assertThat(problems(name)).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("config.app." + name + " is a plain value but its name " + name
          + " says it is secret");
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.render()).doesNotContain("plain-text");
    });
    assertThat(ConfigSafety.looksSecret(name, "x")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"db-pass", "smtp.pass"})
  void kebabAndDottedNamesAreSecretToo(String name) {
    assertThat(ConfigSafety.looksSecret(name, "x")).isTrue(); // what diff and history redact
  }

  @ParameterizedTest
  @ValueSource(strings = {"PASSTHROUGH", "PASS_THROUGH", "AUTHOR", "AUTHOR_NAME", "BYPASS_CACHE", "bypassCache",
      "AUTH_URL", "AUTH_ENABLED", "COMPASS_URL", "OAUTH_ISSUER", "AUTHORITY", "LOG_LEVEL", "PWA_MODE"})
  void innocentLookAlikesAreAccepted(String name) {
    assertThat(problems(name)).isEmpty();
    assertThat(ConfigSafety.looksSecret(name, "x")).isFalse();
  }
}
