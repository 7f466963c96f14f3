package dev.phoenix.aws.s3;

import java.util.Set;

/** An object version carrying Phoenix keep tags ({@code phoenix-keep-<env>}). */
public record S3KeptVersion(String bucket, String key, String versionId, Set<String> keepTags) {}
