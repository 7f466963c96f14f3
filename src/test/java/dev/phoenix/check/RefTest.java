package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.model.Digest;
import org.junit.jupiter.api.Test;

/** id() is what machine-readable output carries; describe() is only shortened for people. */
class RefTest {
  private static final String HEX = "561bbdec07da" + "0".repeat(52);

  @Test
  void anImageIdCarriesTheWholeDigestItsDescriptionAShortOne() {
    Ref.Image image = new Ref.Image("registry.example.com", "shop/front", Digest.of("sha256:" + HEX));
    assertThat(image.id()).isEqualTo("registry.example.com/shop/front@sha256:" + HEX);
    assertThat(image.describe()).isEqualTo("registry.example.com/shop/front@sha256:561bbdec07da…");
  }

  @Test
  void otherReferencesAreNeverShortened() {
    assertThat(new Ref.S3Object("b", "k/fn.zip", "v1", HEX).id()).isEqualTo("s3://b/k/fn.zip?versionId=v1");
    assertThat(new Ref.Ami("ami-0123456789abcdef0", "eu-west-2").describe()).isEqualTo("ami-0123456789abcdef0 (eu-west-2)");
    assertThat(new Ref.Ssm("/prod/db", 7).describe()).isEqualTo(new Ref.Ssm("/prod/db", 7).id()).isEqualTo("ssm:/prod/db:7");
    assertThat(new Ref.Secret("prod/key", "0c3f6a1e").id()).isEqualTo("secret:prod/key@0c3f6a1e");
  }
}
