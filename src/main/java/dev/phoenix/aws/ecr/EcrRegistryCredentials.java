package dev.phoenix.aws.ecr;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.registry.RegistryCredential;
import dev.phoenix.registry.RegistryCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry credentials for ECR hosts ({@code <account>.dkr.ecr.<region>.amazonaws.com}) through
 * the AWS SDK's GetAuthorizationToken, so tag operations ({@code lock}, {@code protect}) on ECR need
 * no {@code docker login}. Tokens are reused until five minutes before they expire. Other hosts
 * get nothing here (the next credential source answers); an ECR client is only built when an ECR
 * host is asked for. A token that cannot be had leaves the request anonymous, and the registry's
 * 401 then says so.
 */
public final class EcrRegistryCredentials implements RegistryCredentials, AutoCloseable {
  private static final Duration EARLY = Duration.ofMinutes(5);
  private final AwsConfig config;
  private final Map<String, EcrToken> tokens = new ConcurrentHashMap<>();
  private EcrService service;

  public EcrRegistryCredentials(AwsConfig config) {
    this.config = config;
  }

  @Override
  public Optional<RegistryCredential> lookup(String registry) {
    if (EcrHost.parse(registry).isEmpty()) {
      return Optional.empty();
    }
    try {
      EcrToken token = tokens.compute(registry, (host, old) ->
          old != null && old.expiresAt() != null && old.expiresAt().minus(EARLY).isAfter(Instant.now())
              ? old : service().auth().token(host));
      return Optional.of(new RegistryCredential.Basic(token.username(), token.password().reveal()));
    } catch (PhoenixException e) {
      return Optional.empty();
    }
  }

  private synchronized EcrService service() {
    if (service == null) {
      service = EcrService.connect(config);
    }
    return service;
  }

  @Override
  public synchronized void close() {
    if (service != null) {
      service.close();
    }
  }
}
