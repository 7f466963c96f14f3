package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Minimal OCI distribution API client for tests (pure HTTP, no Docker daemon): pushes blobs and
 * manifests, HEADs and deletes manifests. Not the product's registry client (dev.phoenix.registry).
 */
public final class RegistryTestClient {
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final String ACCEPT =
      OCI_MANIFEST
          + ", application/vnd.docker.distribution.manifest.v2+json"
          + ", application/vnd.oci.image.index.v1+json"
          + ", application/vnd.docker.distribution.manifest.list.v2+json";

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** {@code base} is e.g. http://127.0.0.1:5000 */
  public RegistryTestClient(URI base) {
    this.base = base;
  }

  /**
   * Pushes a one-layer OCI image (config + {@link SyntheticLayer} of {@code layerContent} + manifest)
   * and returns the manifest digest. Same content gives the same digest; different content, a
   * different one.
   */
  public String pushSyntheticImage(String repo, String tag, byte[] layerContent) {
    SyntheticLayer layer = SyntheticLayer.of(layerContent);
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layer.diffId() + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    String configDigest = pushBlob(repo, config);
    String layerDigest = pushBlob(repo, layer.gzip());
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
            + "\"config\":{\"mediaType\":\"" + OCI_CONFIG + "\",\"digest\":\"" + configDigest
            + "\",\"size\":" + config.length + "},"
            + "\"layers\":[{\"mediaType\":\"" + OCI_LAYER_GZIP + "\",\"digest\":\"" + layerDigest
            + "\",\"size\":" + layer.gzip().length + "}]}";
    return putManifest(repo, tag, OCI_MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
  }

  /** Uploads a blob (POST + monolithic PUT); returns its digest. */
  public String pushBlob(String repo, byte[] content) {
    String digest = SyntheticLayer.sha256(content);
    HttpResponse<String> start =
        send(request("/v2/" + repo + "/blobs/uploads/").POST(BodyPublishers.noBody()).build());
    expect(start, 202, "start blob upload");
    String location = start.headers().firstValue("Location").orElseThrow();
    URI upload = base.resolve(location);
    String sep = upload.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(upload + sep + "digest=" + digest.replace(":", "%3A"));
    HttpResponse<String> done =
        send(
            HttpRequest.newBuilder(put)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.ofByteArray(content))
                .build());
    expect(done, 201, "finish blob upload " + digest);
    return digest;
  }

  /** PUTs a manifest under {@code reference}; returns its digest (checked against the registry's). */
  public String putManifest(String repo, String reference, String mediaType, byte[] manifest) {
    String digest = SyntheticLayer.sha256(manifest);
    HttpResponse<String> response =
        send(
            request("/v2/" + repo + "/manifests/" + reference)
                .header("Content-Type", mediaType)
                .PUT(BodyPublishers.ofByteArray(manifest))
                .build());
    expect(response, 201, "put manifest " + repo + ":" + reference);
    String answered = response.headers().firstValue("Docker-Content-Digest").orElse(digest);
    if (!answered.equals(digest)) {
      throw new IllegalStateException("registry digest " + answered + " != computed " + digest);
    }
    return digest;
  }

  /** HTTP status of GET /v2/ (200 when the registry is up). */
  public int ping() {
    return send(HttpRequest.newBuilder(base.resolve("/v2/")).timeout(Duration.ofSeconds(2)).GET().build())
        .statusCode();
  }

  /** HTTP status of HEAD /v2/{repo}/manifests/{reference} (200 present, 404 absent). */
  public int manifestStatus(String repo, String reference) {
    return send(
            request("/v2/" + repo + "/manifests/" + reference)
                .header("Accept", ACCEPT)
                .method("HEAD", BodyPublishers.noBody())
                .build())
        .statusCode();
  }

  /** GET /v2/{repo}/manifests/{reference}: the raw response (status, headers, body). */
  public HttpResponse<String> getManifest(String repo, String reference) {
    return send(request("/v2/" + repo + "/manifests/" + reference).header("Accept", ACCEPT).GET().build());
  }

  /** DELETE /v2/{repo}/manifests/{digest}; throws unless the registry answers 202. */
  public void deleteManifest(String repo, String digest) {
    HttpResponse<String> response =
        send(request("/v2/" + repo + "/manifests/" + digest).DELETE().build());
    expect(response, 202, "delete manifest " + repo + "@" + digest);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          what + ": expected HTTP " + status + " but got " + response.statusCode() + " " + response.body());
    }
  }
}
