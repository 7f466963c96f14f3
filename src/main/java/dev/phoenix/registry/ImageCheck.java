package dev.phoenix.registry;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one image reference. Shallow: GET the manifest by digest (one request; the bytes must
 * hash to the digest) and HEAD every platform manifest of an index. Deep: GET every manifest and
 * blob, hashing while streaming. Blob results are shared by the references of one run.
 */
final class ImageCheck {
  private final RegistryClient client;
  private final boolean deep;
  private final Instant deadline;
  private final Map<String, CompletableFuture<Finding>> shared = new ConcurrentHashMap<>();

  ImageCheck(RegistryClient client, boolean deep, Instant deadline) {
    this.client = client;
    this.deep = deep;
    this.deadline = deadline;
  }

  Finding check(Ref.Image ref) {
    String where = ref.registry() + "/" + ref.repository();
    return manifest(ref.registry(), ref.repository(), ref.digest().toString(), where, "manifest");
  }

  private Finding manifest(String registry, String repo, String digest, String where, String what) {
    Optional<RegistryClient.Fetched> fetched = client.getManifest(registry, repo, digest, deadline);
    String shortDigest = new Descriptor("", digest, 0, null).shortDigest();
    if (fetched.isEmpty()) {
      return Finding.missing(what + " " + shortDigest + " not found at " + where);
    }
    String actual = "sha256:" + fetched.get().sha256Hex();
    if (!actual.equals(digest)) {
      return Finding.corrupt(what + " " + shortDigest + " at " + where + " hashes to " + actual);
    }
    Manifest m = fetched.get().manifest();
    int blobs = 0;
    for (Descriptor child : m.children()) {
      Finding f = deep ? child(registry, repo, child, where) : headChild(registry, repo, child, where);
      if (f.status() != Status.OK) {
        return f;
      }
    }
    if (deep && !m.isIndex()) {
      for (Descriptor blob : m.blobs()) {
        Finding f = once("b|" + registry + "|" + repo + "|" + blob.digest(), () -> blob(registry, repo, blob, where));
        if (f.status() != Status.OK) {
          return f;
        }
        blobs++;
      }
    }
    if (m.isIndex()) {
      return Finding.ok("present, " + m.children().size() + " platform manifests" + (deep ? " verified" : ""));
    }
    return deep ? Finding.ok("present, manifest and " + blobs + " blobs verified") : Finding.ok();
  }

  private Finding child(String registry, String repo, Descriptor child, String where) {
    String name = "platform manifest" + (child.platform() == null ? "" : " (" + child.platform() + ")");
    return once("m|" + registry + "|" + repo + "|" + child.digest(),
        () -> manifest(registry, repo, child.digest(), where, name));
  }

  private Finding headChild(String registry, String repo, Descriptor child, String where) {
    String name = "platform manifest" + (child.platform() == null ? "" : " (" + child.platform() + ")");
    return once("h|" + registry + "|" + repo + "|" + child.digest(), () ->
        client.headManifest(registry, repo, child.digest(), deadline).isPresent()
            ? Finding.ok()
            : Finding.missing(name + " " + child.shortDigest() + " not found at " + where));
  }

  private Finding blob(String registry, String repo, Descriptor blob, String where) {
    if (blob.sha256().isEmpty()) {
      return Finding.unknown("blob " + blob.digest() + " at " + where + " uses a digest algorithm Phoenix cannot check");
    }
    Optional<RegistryClient.BlobHash> hash = client.hashBlob(registry, repo, blob.digest(), blob.size(), deadline);
    if (hash.isEmpty()) {
      return Finding.missing("blob " + blob.shortDigest() + " missing at " + where);
    }
    long size = hash.get().size();
    if (size != blob.size()) {
      String got = size > blob.size() ? "more than " + blob.size() : String.valueOf(size);
      return Finding.corrupt("blob " + blob.shortDigest() + " at " + where + " is " + got
          + " bytes, the manifest says " + blob.size());
    }
    String actual = "sha256:" + hash.get().sha256Hex();
    if (!actual.equals(blob.digest())) {
      return Finding.corrupt("blob " + blob.shortDigest() + " at " + where + " hashes to " + actual);
    }
    return Finding.ok();
  }

  /** Runs {@code work} once per key in this run; concurrent askers wait for the first one's result. */
  private Finding once(String key, java.util.function.Supplier<Finding> work) {
    CompletableFuture<Finding> mine = new CompletableFuture<>();
    CompletableFuture<Finding> existing = shared.putIfAbsent(key, mine);
    if (existing != null) {
      try {
        return existing.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      Finding f = work.get();
      mine.complete(f);
      return f;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }
}
