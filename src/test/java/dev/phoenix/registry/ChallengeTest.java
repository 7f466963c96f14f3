package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  @Test
  void bearerWithQuotedParametersIncludingCommas() {
    Challenge c = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
        + "scope=\"repository:library/busybox:pull,push\"").orElseThrow();

    assertThat(c.isBearer()).isTrue();
    assertThat(c.params()).isEqualTo(Map.of("realm", "https://auth.docker.io/token",
        "service", "registry.docker.io", "scope", "repository:library/busybox:pull,push"));
  }

  @Test
  void basicUnquotedSpacesCaseAndEscapes() {
    Challenge basic = Challenge.parse("basic Realm=registry").orElseThrow();
    Challenge spaced = Challenge.parse("Bearer realm = \"https://x/t\" , error=\"invalid_token\"").orElseThrow();
    Challenge escaped = Challenge.parse("Bearer realm=\"a\\\"b\"").orElseThrow();

    assertThat(basic.isBasic()).isTrue();
    assertThat(basic.param("realm")).contains("registry");
    assertThat(spaced.param("realm")).contains("https://x/t");
    assertThat(spaced.param("error")).contains("invalid_token");
    assertThat(escaped.param("realm")).contains("a\"b");
  }

  @Test
  void noSchemeOrBlankIsEmpty() {
    assertThat(Challenge.parse(null)).isEmpty();
    assertThat(Challenge.parse("  ")).isEmpty();
    assertThat(Challenge.parse("realm=\"x\"")).isEmpty();
    assertThat(Challenge.parse("Bearer").orElseThrow().params()).isEmpty();
  }
}
