package dev.phoenix.aws.ssm;

import java.util.List;

/** A parameter version carrying Phoenix keep labels ({@code phoenix-keep-<env>-v<version>}). */
public record SsmKeptVersion(String name, long version, List<String> keepLabels) {}
