package dev.phoenix.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization for registry requests. Learns each host's challenge from its first 401, then
 * authorises up front: Basic from the credentials, or a bearer token fetched from the challenge's
 * realm and cached per repository and actions until it expires. {@link #refresh} is called once per
 * request after a 401.
 */
final class RegistryAuth {
  private final RegistryCredentials credentials;
  private final TokenFetcher fetcher;
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, TokenFetcher.Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  RegistryAuth(RegistryCredentials credentials, TokenFetcher fetcher) {
    this.credentials = credentials;
    this.fetcher = fetcher;
  }

  /** The Authorization header to send, or null (anonymous until the host asks). */
  String header(Call call) {
    Optional<RegistryCredential> credential = credentials.lookup(call.registry());
    if (credential.isPresent() && credential.get() instanceof RegistryCredential.Token t) {
      return "Bearer " + t.token();
    }
    Challenge challenge = challenges.get(call.registry());
    if (challenge == null) {
      return null;
    }
    if (challenge.isBasic()) {
      return credential.map(RegistryAuth::basic).orElse(null);
    }
    if (!challenge.isBearer()) {
      return null;
    }
    String key = key(call);
    TokenFetcher.Token token = tokens.get(key);
    if (token != null && token.validAt(Instant.now())) {
      return "Bearer " + token.value();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      token = tokens.get(key);
      if (token == null || !token.validAt(Instant.now())) {
        token = fetcher.fetch(challenge, scope(call), call.registry(), credential, call.deadline());
        tokens.put(key, token);
      }
      return "Bearer " + token.value();
    }
  }

  /**
   * After a 401: remembers the host's challenge and drops the refused token. True when sending
   * again can help (there is a challenge Phoenix can answer).
   */
  boolean refresh(Call call, String sentAuthorization, String wwwAuthenticate) {
    Optional<Challenge> parsed = Challenge.parse(wwwAuthenticate);
    // drop the token only if it is the one refused (another thread may have fetched a newer one)
    tokens.computeIfPresent(key(call), (k, t) -> ("Bearer " + t.value()).equals(sentAuthorization) ? null : t);
    if (parsed.isEmpty()) {
      return false;
    }
    Challenge challenge = parsed.get();
    challenges.put(call.registry(), challenge);
    if (challenge.isBearer()) {
      return challenge.param("realm").isPresent();
    }
    return challenge.isBasic() && credentials.lookup(call.registry()).filter(c -> c instanceof RegistryCredential.Basic).isPresent();
  }

  private static String key(Call call) {
    return call.registry() + "|" + call.repository() + "|" + call.actions();
  }

  private static String scope(Call call) {
    return call.repository() == null ? null : "repository:" + call.repository() + ":" + call.actions();
  }

  static String basic(RegistryCredential credential) {
    if (!(credential instanceof RegistryCredential.Basic b)) {
      return null;
    }
    String pair = b.username() + ":" + b.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
