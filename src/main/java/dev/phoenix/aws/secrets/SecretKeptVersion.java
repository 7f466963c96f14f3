package dev.phoenix.aws.secrets;

import java.util.List;

/** A secret version carrying Phoenix staging labels ({@code phoenix-keep-<env>-<versionId>}). */
public record SecretKeptVersion(String secretId, String versionId, List<String> keepLabels) {}
