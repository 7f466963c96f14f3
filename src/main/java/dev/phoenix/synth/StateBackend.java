package dev.phoenix.synth;

import java.nio.file.Path;
import java.util.Optional;

/** Where Terraform keeps the state of a rebuild: one state per name prefix. */
public sealed interface StateBackend permits StateBackend.Local, StateBackend.S3 {

  /** Local state under {@code <outDir>/state/<name prefix>.tfstate}: the default. */
  static StateBackend local() {
    return new Local(Optional.empty());
  }

  /** Local state under {@code dir/<name prefix>.tfstate}; {@code dir} is made absolute. */
  static StateBackend local(Path dir) {
    return new Local(Optional.of(dir));
  }

  /**
   * Local backend.
   *
   * @param dir absolute state directory, or empty for {@code <outDir>/state} (written as a path
   *     relative to each stack's working directory so the out dir can move)
   */
  record Local(Optional<Path> dir) implements StateBackend {
    public Local {
      dir = dir == null ? Optional.empty() : dir.map(d -> d.toAbsolutePath().normalize());
    }
  }

  /**
   * S3 backend with DynamoDB locking; the state key is {@code
   * <keyPrefix>/<environment>/<drill id>/environment.tfstate} ({@link Names#stateKey}), so neither
   * environments nor drills sharing a bucket and key prefix share a state.
   */
  record S3(String bucket, String keyPrefix, String region, String dynamodbTable)
      implements StateBackend {
    public S3 {
      if (bucket == null || bucket.isBlank() || region == null || region.isBlank()) {
        throw new IllegalArgumentException("S3 state backend needs a bucket and a region");
      }
      if (dynamodbTable == null || dynamodbTable.isBlank()) {
        throw new IllegalArgumentException("S3 state backend needs a DynamoDB lock table");
      }
      keyPrefix = keyPrefix == null ? "" : keyPrefix.replaceAll("^/+|/+$", "");
    }
  }
}
