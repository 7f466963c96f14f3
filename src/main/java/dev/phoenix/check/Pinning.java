package dev.phoenix.check;

import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.S3ObjectVersion;
import java.util.Optional;

/**
 * What {@code lock} asks the stores, each question once, at lock time: the contract between
 * {@code pin/} and the stores. Implementations throw {@link dev.phoenix.core.PhoenixException}
 * (INPUT for "not there / not allowed", UNAVAILABLE when the store could not answer);
 * {@code stores/LivePins} binds them to the adapter packages.
 */
public interface Pinning {
  /** The digest a tag points at now; empty when the tag does not exist. */
  Optional<Digest> resolveTag(ImageReference withTag);

  /** The current version of an object in a versioned bucket, with its sha256. */
  S3ObjectVersion currentObject(String bucket, String key);

  /** The current version number of an SSM parameter. */
  long currentParameterVersion(String name);

  /** The versionId of a secret's AWSCURRENT version. */
  String currentSecretVersion(String secretId);

  boolean amiExists(String amiId, String region);
}
