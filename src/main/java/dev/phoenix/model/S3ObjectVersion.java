package dev.phoenix.model;

/** One exact version of an S3 object, with the sha256 its bytes must have (64 lowercase hex). */
public record S3ObjectVersion(String bucket, String key, String versionId, String sha256) {
  public String uri() {
    return "s3://" + bucket + "/" + key + "?versionId=" + versionId;
  }
}
