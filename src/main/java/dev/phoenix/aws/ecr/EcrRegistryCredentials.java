package dev.phoenix.aws.ecr;

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
 * 401 then says so. Tokens come through the given {@link EcrService} (the run's one ECR service:
 * its clients per region are shared with the ECR checker); the service's owner closes it.
 */
public final class EcrRegistryCredentials implements RegistryCredentials {
  private static final Duration EARLY = Duration.ofMinutes(5);
  private final EcrService service;
  private final Map<String, EcrToken> tokens = new ConcurrentHashMap<>();

  public EcrRegistryCredentials(EcrService service) {
    this.service = service;
  }

  @Override
  public Optional<RegistryCredential> lookup(String registry) {
    if (EcrHost.parse(registry).isEmpty()) {
      return Optional.empty();
    }
    try {
      EcrToken token = tokens.compute(registry, (host, old) ->
          old != null && old.expiresAt() != null && old.expiresAt().minus(EARLY).isAfter(Instant.now())
              ? old : service.auth().token(host));
      return Optional.of(new RegistryCredential.Basic(token.username(), token.password().reveal()));
    } catch (PhoenixException e) {
      return Optional.empty();
    }
  }
}
