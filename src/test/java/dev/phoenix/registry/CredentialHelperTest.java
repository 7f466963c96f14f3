package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CredentialHelperTest {
  static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aUsernameAndSecretAreBasicCredentials() {
    assertThat(CredentialHelper.parse(json("{\"ServerURL\":\"r\",\"Username\":\"u\",\"Secret\":\"s\"}")))
        .contains(new RegistryCredential.Basic("u", "s"));
  }

  @Test
  void emptyAnswersIdentityTokensAndGarbageAreAnonymous() {
    assertThat(CredentialHelper.parse(json("{\"ServerURL\":\"r\",\"Username\":\"\",\"Secret\":\"\"}"))).isEmpty();
    assertThat(CredentialHelper.parse(json("{\"Username\":\"<token>\",\"Secret\":\"refresh\"}"))).isEmpty();
    assertThat(CredentialHelper.parse(json("credentials not found in native keychain"))).isEmpty();
  }
}
