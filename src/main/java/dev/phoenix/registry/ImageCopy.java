package dev.phoenix.registry;

import dev.phoenix.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies an image by digest from one registry to another, same repository path, digest preserved:
 * the manifest's exact bytes, every child of an index, config and layer blobs, and cosign-style
 * {@code sha256-<hex>.sig} / {@code .att} tags when the source has them (looked for in each source
 * repository's tag list, read once per run; a moved tag is copied again). A manifest the target has
 * is not copied again, nor anything under it asked for; a blob the target has (HEAD) is not sent; a blob the target holds in another
 * repository of this run is mounted ({@code POST …/blobs/uploads/?mount=&from=}) where the target
 * offers it; a blob is sent at most once per run and target, streamed from the source's GET into the
 * target's PUT (never held in memory). Thread-safe: one instance per run.
 */
public final class ImageCopy {
  private static final String OCTETS = "application/octet-stream";
  private static final int ATTEMPTS = 3;
  private static final String[] SIGNATURE_SUFFIXES = {".sig", ".att"};

  private final RegistryHttp http;
  private final RegistrySettings settings;
  /** target host|repository|digest -> the blob's outcome, so concurrent copies send it once. */
  private final Map<String, CompletableFuture<BlobOutcome>> blobs = new ConcurrentHashMap<>();
  /** target host|digest -> a repository of the target known to hold it (a mount source). */
  private final Map<String, String> held = new ConcurrentHashMap<>();
  /** source host|repository -> the signature tags its tag list shows (empty: not listable), listed once per run. */
  private final Map<String, CompletableFuture<Optional<Set<String>>>> listings = new ConcurrentHashMap<>();
  private final Tagging tagging;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger mounted = new AtomicInteger();
  private final AtomicInteger present = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  ImageCopy(RegistryHttp http, RegistrySettings settings) {
    this.http = http;
    this.settings = settings;
    this.tagging = new Tagging(http, settings);
  }

  /** What happened to one blob. */
  public enum BlobOutcome { PRESENT, MOUNTED, SENT }

  /** One image: whether the target already had it, and the manifests written. */
  public record Result(boolean alreadyThere, int manifestsWritten, int signatureTags) {}

  /** Counts over the whole run. */
  public record Totals(int blobsSent, int blobsMounted, int blobsPresent, long bytesSent) {}

  public Totals totals() {
    return new Totals(sent.get(), mounted.get(), present.get(), bytes.get());
  }

  /** True when {@code registry/repository@digest} exists (HEAD of the manifest). */
  public boolean has(String registry, String repository, Digest digest, Instant deadline) {
    return headManifest(registry, repository, digest.toString(), deadline);
  }

  /**
   * Copies {@code from/repository@digest} to {@code to/repository@digest}. The source manifest must
   * hash to {@code digest}. Throws {@link RegistryException} (NOT_FOUND when the source lacks the
   * image or one of its parts).
   *
   * <p>Requests: one HEAD of the manifest in the target; when it is there nothing under it is asked
   * again. The image's signature tags are looked for only where the source repository's tag list
   * (read once per repository and run, {@link #signatureTags}) shows them; each shown is copied
   * unless the target's tag already points at the same digest (HEAD on both sides). A registry that
   * does not list tags gets a HEAD per signature tag instead.
   */
  public Result copy(String from, String to, String repository, Digest digest, Instant deadline) {
    int[] written = {0};
    boolean there = headManifest(to, repository, digest.toString(), deadline);
    if (!there) {
      manifest(from, to, repository, digest.toString(), digest, deadline, written);
    }
    Optional<Set<String>> listed = signatureTags(from, repository, deadline);
    int signatures = 0;
    for (String suffix : SIGNATURE_SUFFIXES) {
      String tag = "sha256-" + digest.hex() + suffix;
      if (listed.isPresent() && !listed.get().contains(tag)) {
        continue;
      }
      Optional<String> source = manifestDigest(from, repository, tag, deadline);
      if (source.isEmpty()) {
        continue;
      }
      Optional<String> copied = manifestDigest(to, repository, tag, deadline);
      boolean same = copied.isPresent() && (source.get().isEmpty() || copied.get().isEmpty()
          || source.get().equals(copied.get()));
      if (!same) { // absent in the target, or the source's tag moved (signed again, another attestation)
        manifest(from, to, repository, tag, null, deadline, written);
        signatures++;
      }
    }
    return new Result(there && signatures == 0, written[0], signatures);
  }

  /**
   * The cosign tags ({@code sha256-<hex>.sig}/{@code .att}) of a source repository, listed once per
   * run ({@code /v2/<repo>/tags/list}, every page; only these tags are kept). Empty when the
   * registry refuses to list (HTTP 401/403, or another error status): the caller then asks per image.
   * A listing that fails for lack of an answer is not remembered, a later image tries again.
   */
  private Optional<Set<String>> signatureTags(String registry, String repository, Instant deadline) {
    String key = registry + "|" + repository;
    CompletableFuture<Optional<Set<String>>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<Set<String>>> theirs = listings.putIfAbsent(key, mine);
    if (theirs != null) {
      return await(theirs);
    }
    try {
      Optional<Set<String>> listed;
      try {
        listed = Optional.of(Set.copyOf(tagging.tags(registry, repository, deadline, ImageCopy::isSignatureTag)));
      } catch (RegistryException e) {
        boolean refused = e.reason() == RegistryException.Reason.AUTH
            || (e.reason() == RegistryException.Reason.UNAVAILABLE && e.status() >= 400);
        if (!refused) {
          throw e;
        }
        listed = Optional.empty();
      }
      mine.complete(listed);
      return listed;
    } catch (RuntimeException e) {
      listings.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  static boolean isSignatureTag(String tag) {
    return tag.length() == "sha256-".length() + 64 + ".sig".length() && tag.startsWith("sha256-")
        && (tag.endsWith(".sig") || tag.endsWith(".att"));
  }

  /** Copies the manifest at {@code reference} (a digest, or a tag when {@code expected} is null) and what it needs. */
  private void manifest(String from, String to, String repository, String reference, Digest expected, Instant deadline,
      int[] written) {
    Call get = Call.get(from, repository, repository + "/manifests/" + reference, Call.Body.BYTES,
        settings.maxManifestBytes(), settings.requestTimeout(), deadline, Map.of("Accept", MediaTypes.ACCEPT));
    Reply reply = http.send(get);
    if (reply.status() == 404) {
      throw new RegistryException(RegistryException.Reason.NOT_FOUND, 404,
          "manifest " + reference + " not found at " + from + "/" + repository);
    }
    RegistryClient.expectOk(get, reply);
    if (expected != null && !reply.sha256Hex().equals(expected.hex())) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 200, "manifest " + expected.shortForm() + " at "
          + from + "/" + repository + " hashes to sha256:" + reply.sha256Hex() + "; not copied");
    }
    Manifest m;
    try {
      m = Manifest.parse(reply.bytes(), reply.contentType());
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 200,
          "manifest " + reference + " at " + from + "/" + repository + " is not readable JSON; not copied");
    }
    if (m.isIndex()) {
      for (Descriptor child : m.children()) {
        Digest d = child.sha256().orElseThrow(() -> unsupported(child, from, repository));
        if (!headManifest(to, repository, d.toString(), deadline)) {
          manifest(from, to, repository, d.toString(), d, deadline, written);
        }
      }
    } else {
      for (Descriptor blob : m.blobs()) {
        blob(from, to, repository, blob, deadline);
      }
    }
    String type = m.mediaType().isEmpty() ? reply.contentType() : m.mediaType();
    Call put = new Call("PUT", to, repository, "pull,push", repository + "/manifests/" + reference,
        Map.of("Content-Type", type), Payload.of(m.bytes()), Call.Body.DISCARD, 0, settings.requestTimeout(), deadline);
    Reply answer = http.send(put);
    if (answer.status() != 201 && answer.status() != 200) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, answer.status(),
          "PUT " + to + "/" + repository + " manifest " + reference + " answered HTTP " + answer.status());
    }
    String digest = "sha256:" + reply.sha256Hex();
    answer.header("Docker-Content-Digest").filter(d -> !d.equals(digest)).ifPresent(d -> {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, answer.status(),
          to + "/" + repository + " stored the manifest as " + d + ", not " + digest);
    });
    written[0]++;
  }

  private void blob(String from, String to, String repository, Descriptor blob, Instant deadline) {
    Digest d = blob.sha256().orElseThrow(() -> unsupported(blob, from, repository));
    String key = to + "|" + repository + "|" + d;
    CompletableFuture<BlobOutcome> mine = new CompletableFuture<>();
    CompletableFuture<BlobOutcome> theirs = blobs.putIfAbsent(key, mine);
    if (theirs != null) {
      await(theirs);
      return;
    }
    try {
      BlobOutcome outcome = copyBlob(from, to, repository, blob, d, deadline);
      held.putIfAbsent(to + "|" + d, repository);
      mine.complete(outcome);
    } catch (RuntimeException e) {
      blobs.remove(key, mine); // a later image may try again
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private BlobOutcome copyBlob(String from, String to, String repository, Descriptor blob, Digest d, Instant deadline) {
    Call head = new Call("HEAD", to, repository, "pull,push", repository + "/blobs/" + d, Map.of(), null,
        Call.Body.DISCARD, 0, settings.requestTimeout(), deadline);
    Reply there = http.send(head);
    if (there.ok()) {
      present.incrementAndGet();
      return BlobOutcome.PRESENT;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        String other = held.get(to + "|" + d);
        String start = repository + "/blobs/uploads/"
            + (other != null && !other.equals(repository) ? "?mount=" + d + "&from=" + other : "");
        Call post = new Call("POST", to, repository, "pull,push", start, Map.of(), Payload.of(new byte[0]),
            Call.Body.DISCARD, 0, settings.requestTimeout(), deadline);
        Reply begun = http.send(post);
        if (begun.status() == 201 && other != null) {
          mounted.incrementAndGet();
          return BlobOutcome.MOUNTED;
        }
        if (begun.status() != 202) {
          throw new RegistryException(RegistryException.Reason.UNAVAILABLE, begun.status(),
              "POST " + to + "/v2/" + repository + "/blobs/uploads/ answered HTTP " + begun.status());
        }
        String location = uploadPath(to, begun.header("Location").orElse(null));
        upload(from, to, repository, blob, d, location, deadline);
        sent.incrementAndGet();
        bytes.addAndGet(blob.size());
        return BlobOutcome.SENT;
      } catch (RegistryException e) {
        boolean again = e.reason() == RegistryException.Reason.UNAVAILABLE
            || e.reason() == RegistryException.Reason.UNREACHABLE;
        if (!again || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** GET from the source, streamed through SHA-256 into the target's PUT. */
  private void upload(String from, String to, String repository, Descriptor blob, Digest d, String location,
      Instant deadline) {
    Call get = Call.get(from, repository, repository + "/blobs/" + d, Call.Body.STREAM, blob.size(),
        settings.blobTimeout(), deadline, Map.of());
    Reply source = http.send(get);
    if (source.status() == 404) {
      throw new RegistryException(RegistryException.Reason.NOT_FOUND, 404,
          "blob " + d.shortForm() + " not found at " + from + "/" + repository + "; the image cannot be copied");
    }
    RegistryClient.expectOk(get, source);
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(source.stream(), sha)) {
      String sep = location.contains("?") ? "&" : "?";
      Call put = new Call("PUT", to, repository, "pull,push", location + sep + "digest=" + d,
          Map.of("Content-Type", OCTETS), Payload.streaming(in, blob.size()), Call.Body.DISCARD, 0,
          settings.blobTimeout(), deadline);
      Reply stored = http.send(put);
      String got = HexFormat.of().formatHex(sha.digest());
      if (!got.equals(d.hex())) {
        throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 0, "blob " + d.shortForm() + " from " + from
            + "/" + repository + " hashes to sha256:" + got + "; the target refuses it");
      }
      if (stored.status() != 201) {
        throw new RegistryException(RegistryException.Reason.UNAVAILABLE, stored.status(),
            "PUT blob " + d.shortForm() + " to " + to + "/" + repository + " answered HTTP " + stored.status());
      }
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.UNREACHABLE, 0,
          "blob " + d.shortForm() + " from " + from + " to " + to + " broke off (" + e.getMessage() + ")", e);
    }
  }

  /** The upload URL's path after /v2/ (with its query); only the target host itself is accepted. */
  private static String uploadPath(String to, String location) {
    if (location == null) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 202, to + " started an upload without a Location");
    }
    URI uri = URI.create(location);
    if (uri.getHost() != null && !(uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")).equalsIgnoreCase(to)
        && !uri.getHost().equalsIgnoreCase(to)) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 202,
          to + " sent the upload to another host (" + uri.getHost() + "), which Phoenix does not follow");
    }
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    if (!path.startsWith("/v2/")) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 202, to + " answered an upload Location outside /v2/");
    }
    return path.substring(4);
  }

  /** The manifest's Docker-Content-Digest ("" when the registry sends none); empty when it is not there. */
  private Optional<String> manifestDigest(String registry, String repository, String reference, Instant deadline) {
    Call call = new Call("HEAD", registry, repository, "pull", repository + "/manifests/" + reference,
        Map.of("Accept", MediaTypes.ACCEPT), null, Call.Body.DISCARD, 0, settings.requestTimeout(), deadline);
    Reply reply = http.send(call);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    RegistryClient.expectOk(call, reply);
    return Optional.of(reply.header("Docker-Content-Digest").orElse(""));
  }

  private boolean headManifest(String registry, String repository, String reference, Instant deadline) {
    Call call = new Call("HEAD", registry, repository, "pull", repository + "/manifests/" + reference,
        Map.of("Accept", MediaTypes.ACCEPT), null, Call.Body.DISCARD, 0, settings.requestTimeout(), deadline);
    Reply reply = http.send(call);
    if (reply.status() == 404) {
      return false;
    }
    RegistryClient.expectOk(call, reply);
    return true;
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(RegistryException.Reason.DEADLINE, 0, "interrupted while another copy of this run worked");
    }
  }

  private static RegistryException unsupported(Descriptor d, String registry, String repository) {
    return new RegistryException(RegistryException.Reason.UNAVAILABLE, 0,
        "a part of the image at " + registry + "/" + repository + " uses digest " + d.digest()
            + ", which Phoenix cannot copy (sha256 only)");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
