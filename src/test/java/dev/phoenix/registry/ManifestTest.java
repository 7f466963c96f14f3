package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);

  @Test
  void imageManifestListsConfigThenLayers() throws IOException {
    Manifest m = parse("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\","
        + "\"config\":{\"mediaType\":\"c\",\"digest\":\"" + D1 + "\",\"size\":10},"
        + "\"layers\":[{\"mediaType\":\"l\",\"digest\":\"" + D2 + "\",\"size\":20}]}", null);

    assertThat(m.isIndex()).isFalse();
    assertThat(m.blobs()).extracting(Descriptor::digest).containsExactly(D1, D2);
    assertThat(m.blobs()).extracting(Descriptor::size).containsExactly(10L, 20L);
  }

  @Test
  void indexWithoutMediaTypeFieldIsRecognisedAndPlatformsNamed() throws IOException {
    Manifest m = parse("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + D1 + "\",\"size\":5,"
        + "\"platform\":{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v7\"}}]}", "application/json");

    assertThat(m.isIndex()).isTrue();
    assertThat(m.children()).singleElement().satisfies(d -> assertThat(d.platform()).isEqualTo("linux/arm/v7"));
    assertThat(parse("{\"manifests\":[]}", MediaTypes.DOCKER_LIST).isIndex()).isTrue();
    assertThat(parse("{\"schemaVersion\":2}", MediaTypes.DOCKER_LIST).isIndex()).isTrue();
  }

  @Test
  void descriptorWithoutDigestOrNonJsonIsRejected() {
    assertThatThrownBy(() -> parse("{\"layers\":[{\"size\":1}]}", null)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("[1,2]", null)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("<html>", null)).isInstanceOf(IOException.class);
  }

  @Test
  void nonSha256DigestsAreKeptButNotParsed() throws IOException {
    Manifest m = parse("{\"layers\":[{\"digest\":\"sha512:abc\",\"size\":1}]}", MediaTypes.OCI_MANIFEST);

    assertThat(m.layers().get(0).sha256()).isEmpty();
    assertThat(m.layers().get(0).shortDigest()).isEqualTo("sha512:abc");
  }

  @Test
  void nextPageLinkIsReadRelativeOrAbsolute() {
    assertThat(Tagging.next("</v2/a/b/tags/list?n=2&last=t1>; rel=\"next\"")).isEqualTo("a/b/tags/list?n=2&last=t1");
    assertThat(Tagging.next("<https://r.io/v2/a/tags/list?last=x>;rel=next")).isEqualTo("a/tags/list?last=x");
    assertThat(Tagging.next("</v2/a/tags/list?last=x>; rel=\"prev\"")).isNull();
    assertThat(Tagging.next(null)).isNull();
  }

  private static Manifest parse(String json, String contentType) throws IOException {
    return Manifest.parse(json.getBytes(StandardCharsets.UTF_8), contentType);
  }
}
