package dev.phoenix.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LambdaServiceTest {
  @Test
  void codeSha256IsTheBase64OfThePackagesSha256AndBecomesItsHex() throws Exception {
    byte[] sha = MessageDigest.getInstance("SHA-256").digest("package".getBytes(StandardCharsets.UTF_8));
    assertThat(LambdaService.hex(Base64.getEncoder().encodeToString(sha))).isEqualTo(HexFormat.of().formatHex(sha));
    assertThat(LambdaService.hex("not base64!")).isEqualTo("not base64!");
  }
}
