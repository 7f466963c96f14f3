package dev.phoenix.registry;

import dev.phoenix.model.Digest;
import java.util.Optional;

/** A manifest's pointer to content: media type, digest text as written, size in bytes, platform. */
public record Descriptor(String mediaType, String digest, long size, String platform) {

  /** Empty when the digest is not sha256 (other algorithms are not supported). */
  public Optional<Digest> sha256() {
    return Digest.parse(digest);
  }

  /** "sha256:ab12cd34ef56…" or the raw text when it is not a sha256 digest. */
  public String shortDigest() {
    return sha256().map(Digest::shortForm).orElse(digest);
  }
}
