package dev.phoenix.aws.s3;

/** The current version of an S3 object as {@code lock} pins it; {@code hashed}: sha256 computed by streaming. */
public record S3Pin(String bucket, String key, String versionId, String sha256, boolean hashed) {}
