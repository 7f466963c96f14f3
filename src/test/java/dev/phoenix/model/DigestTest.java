package dev.phoenix.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What counts as a sha256 digest: exactly 64 lowercase hex characters, nothing else. */
class DigestTest {
  private static final String HEX = "0123456789abcdef".repeat(4);

  @Test
  void sixtyFourLowercaseHexCharactersAreADigest() {
    assertThat(Digest.parse("sha256:" + HEX)).hasValue(new Digest("sha256", HEX));
    assertThat(Digest.of("sha256:" + HEX).toString()).isEqualTo("sha256:" + HEX);
  }

  @Test
  void everyOtherTextIsNot() {
    String[] bad = {
        HEX.substring(1), HEX + "0", HEX.toUpperCase(), HEX.substring(1) + "g", HEX.substring(1) + "/",
        HEX.substring(1) + ":", HEX.substring(1) + "`", HEX.substring(1) + "G", HEX.substring(1) + "\u0660", "", " " + HEX.substring(1)
    };
    for (String hex : bad) {
      assertThat(Digest.parse("sha256:" + hex)).as(hex).isEmpty();
      assertThatThrownBy(() -> new Digest("sha256", hex)).as(hex).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Digest.parse("sha512:" + HEX)).isEmpty();
    assertThat(Digest.parse(null)).isEmpty();
    assertThatThrownBy(() -> new Digest("sha256", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
