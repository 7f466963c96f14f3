package dev.phoenix.aws.ecr;

import dev.phoenix.core.Sensitive;
import java.time.Instant;

/** Registry credentials for one ECR host from GetAuthorizationToken; the password stays redacted. */
public record EcrToken(String host, String username, Sensitive password, Instant expiresAt) {}
