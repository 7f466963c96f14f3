package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.rebuild.local.SecretMask;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 9.4: secrets of any shape, in any common encoding, never survive {@link SecretMask}. */
class SecretMaskTest {
  static final String PEM = Canaries.pem();
  static final String JSON = Canaries.json();
  static final String TOKEN = Canaries.token();
  static final SecretMask MASK = SecretMask.of(List.of(PEM, JSON, TOKEN, "abc"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pem", "json", "token"})
  void everyEncodingOfEveryShapeIsMasked(String which) {
    String secret = switch (which) {
      case "pem" -> PEM;
      case "json" -> JSON;
      default -> TOKEN;
    };
    List<String> log = new ArrayList<>();
    log.add("starting with SECRET=" + secret.lines().findFirst().orElseThrow());
    secret.lines().forEach(l -> log.add("  | " + l));
    log.addAll(Base64.getMimeEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)).lines().toList());
    log.add(Base64.getEncoder().encodeToString(("SECRET=" + secret).getBytes(StandardCharsets.UTF_8)));
    log.add(Base64.getUrlEncoder().encodeToString(("xy" + secret).getBytes(StandardCharsets.UTF_8)));
    log.add("GET /cb?s=" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + " HTTP/1.1");
    log.add("GET /cb?s=" + URLEncoder.encode(secret, StandardCharsets.UTF_8).toLowerCase() + " HTTP/1.1");
    log.add("{\"env\":{\"SECRET\":\"" + secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}}");
    log.add("truncated: " + secret.replace("\n", "").substring(0, Math.min(40, secret.length() - 1)));

    List<String> masked = MASK.mask(log);
    String all = String.join("\n", masked);
    assertThat(Canaries.leaks(all, secret)).as(all).isEmpty();
    assertThat(all).contains(SecretMask.MASK).contains("starting with SECRET=").contains("GET /cb?s=");
  }

  @Test
  void textThatIsNoSecretIsLeftAlone() {
    String line = "listening on :8080, health /healthz, 3 workers, build 2026-11-29";
    assertThat(MASK.mask(line)).isEqualTo(line);
    // a value shorter than 4 characters is not masked: it would mask everything
    assertThat(MASK.mask("abc def")).isEqualTo("abc def");
    assertThat(SecretMask.none().mask(TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  void aSecretCutAcrossLogLinesIsMaskedPieceByPiece() {
    String half1 = TOKEN.substring(0, 14);
    String half2 = TOKEN.substring(14);
    assertThat(MASK.mask(List.of("key part " + half1, half2 + " end"))).containsExactly("key part ***", "*** end");
  }
}
