package dev.phoenix.registry;

import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OCI distribution API as Phoenix uses it: manifests by digest or tag, blobs hashed while
 * streaming, tags. Thread-safe; one instance per run shares connections and tokens.
 */
public final class RegistryClient implements AutoCloseable {
  private static final Duration OPERATION = Duration.ofMinutes(5);
  private static final Map<String, String> ACCEPT = Map.of("Accept", MediaTypes.ACCEPT);

  private final RegistrySettings settings;
  private final RegistryHttp http;
  private final boolean owner;

  public RegistryClient(RegistryCredentials credentials, RegistrySettings settings, Set<String> insecureRegistries) {
    this(settings, new RegistryHttp(settings, insecureRegistries, credentials), true);
  }

  private RegistryClient(RegistrySettings settings, RegistryHttp http, boolean owner) {
    this.settings = settings;
    this.http = http;
    this.owner = owner;
  }

  /** This client (connections, tokens) for a user that closes what it is given: its close does nothing. */
  public RegistryClient borrowed() {
    return new RegistryClient(settings, http, false);
  }

  /** Docker config.json credentials, default settings, no insecure registries. */
  public static RegistryClient withDefaults() {
    return new RegistryClient(DockerConfigCredentials.fromEnvironment(), RegistrySettings.defaults(), Set.of());
  }

  /** {@code phoenix protect}'s marks on images: a keep tag in the image's repository, on this client. */
  public dev.phoenix.check.Keeper keeper() {
    return new RegistryKeeper(this);
  }

  public RegistrySettings settings() {
    return settings;
  }

  /** What a manifest HEAD answered: media type and Docker-Content-Digest (either may be empty). */
  public record ManifestHead(String mediaType, Optional<String> digest) {}

  /** HEAD the manifest; empty on 404. */
  public Optional<ManifestHead> headManifest(String registry, String repository, String reference, Instant deadline) {
    Call call = new Call("HEAD", registry, repository, "pull", repository + "/manifests/" + reference, ACCEPT, null,
        Call.Body.DISCARD, 0, settings.requestTimeout(), deadline);
    Reply reply = http.send(call);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    expectOk(call, reply);
    return Optional.of(new ManifestHead(reply.contentType(), reply.header("Docker-Content-Digest")));
  }

  /** A fetched manifest with the SHA-256 of its bytes (the caller compares it to what it asked for). */
  public record Fetched(Manifest manifest, String sha256Hex, Optional<String> servedDigest) {}

  /** GET the manifest (at most maxManifestBytes); empty on 404. */
  public Optional<Fetched> getManifest(String registry, String repository, String reference, Instant deadline) {
    Call call = Call.get(registry, repository, repository + "/manifests/" + reference, Call.Body.BYTES,
        settings.maxManifestBytes(), settings.requestTimeout(), deadline, ACCEPT);
    Reply reply = http.send(call);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    expectOk(call, reply);
    try {
      Manifest manifest = Manifest.parse(reply.bytes(), reply.contentType());
      return Optional.of(new Fetched(manifest, reply.sha256Hex(), reply.header("Docker-Content-Digest")));
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, reply.status(),
          "manifest " + reference + " at " + registry + "/" + repository + " is not readable JSON");
    }
  }

  /** SHA-256 and length of a blob's bytes; at most {@code expectedSize + 1} bytes are read. Empty on 404. */
  public record BlobHash(String sha256Hex, long size) {}

  public Optional<BlobHash> hashBlob(String registry, String repository, String digest, long expectedSize,
      Instant deadline) {
    Call call = Call.get(registry, repository, repository + "/blobs/" + digest, Call.Body.HASH,
        Math.max(0, expectedSize), settings.blobTimeout(), deadline, Map.of());
    Reply reply = http.send(call);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    expectOk(call, reply);
    return Optional.of(new BlobHash(reply.sha256Hex(), reply.size()));
  }

  /**
   * The digest the registry serves for {@code withTag}'s tag, checked against the hash of the bytes
   * (a mismatch with Docker-Content-Digest throws). Empty when the tag does not exist.
   */
  public Optional<Digest> resolveTag(ImageReference withTag) {
    if (withTag.tag() == null) {
      throw new RegistryException(RegistryException.Reason.INPUT, 0, withTag + " has no tag to resolve");
    }
    Optional<Fetched> fetched =
        getManifest(withTag.registry(), withTag.repository(), withTag.tag(), Instant.now().plus(OPERATION));
    if (fetched.isEmpty()) {
      return Optional.empty();
    }
    Digest actual = new Digest("sha256", fetched.get().sha256Hex());
    Optional<String> served = fetched.get().servedDigest();
    if (served.isPresent() && served.get().startsWith("sha256:") && !served.get().equals(actual.toString())) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 200,
          withTag + ": registry says " + served.get() + " but the manifest bytes hash to " + actual);
    }
    return Optional.of(actual);
  }

  /** Points {@code tag} at the manifest {@code digest} (GET by digest, PUT under the tag with its media type). */
  public void tag(String registry, String repository, Digest digest, String tag) {
    new Tagging(http, settings).tag(registry, repository, digest, tag, Instant.now().plus(OPERATION));
  }

  /** Every tag of the repository, following pagination; an empty list when the repository has none. */
  public java.util.List<String> tags(String registry, String repository) {
    return new Tagging(http, settings).tags(registry, repository, Instant.now().plus(OPERATION));
  }

  /** Copies images by digest from one registry to another (docs/registry.md, Copying images). */
  public ImageCopy copier() {
    return new ImageCopy(http, settings);
  }

  static void expectOk(Call call, Reply reply) {
    if (!reply.ok()) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, reply.status(),
          call.describe() + " answered HTTP " + reply.status());
    }
  }

  @Override
  public void close() {
    if (!owner) {
      return;
    }
    http.close();
  }
}
