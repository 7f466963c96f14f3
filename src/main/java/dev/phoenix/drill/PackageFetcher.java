package dev.phoenix.drill;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.S3ObjectVersion;
import java.io.InputStream;

/** Opens one exact S3 object version (a Lambda package); the caller closes the stream. */
public interface PackageFetcher {
  InputStream open(S3ObjectVersion version);

  /** For estates without functions: any fetch fails. */
  static PackageFetcher none() {
    return v -> {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "no S3 reader for " + v.uri(),
          "configure AWS access (region, credentials) so Lambda packages can be fetched");
    };
  }
}
