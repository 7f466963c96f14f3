package dev.phoenix.rebuild.local;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.S3ObjectVersion;

/**
 * Downloads one exact S3 object version (a Lambda package) and returns the SHA-256 of its bytes
 * (64 lowercase hex); the bytes are not kept.
 */
public interface PackageFetcher {
  String sha256(S3ObjectVersion version);

  /** For estates without functions: any fetch fails. */
  static PackageFetcher none() {
    return v -> {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "no S3 reader for " + v.uri(),
          "configure AWS access (region, credentials) so Lambda packages can be fetched");
    };
  }
}
