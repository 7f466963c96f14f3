package dev.phoenix.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gets a bearer token from a challenge's realm ({@code GET realm?service=…&scope=…}, with Basic
 * credentials when there are some). The realm must be HTTPS unless its host may use plain HTTP.
 */
final class TokenFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_TOKEN_BYTES = 1024 * 1024;

  /** A token and when to stop using it (10 s before the registry says it expires). */
  record Token(String value, Instant expires) {
    boolean validAt(Instant now) {
      return now.isBefore(expires);
    }

    @Override
    public String toString() {
      return "Token[****, expires " + expires + "]";
    }
  }

  private final Transport transport;
  private final Set<String> insecure;
  private final Duration timeout;

  TokenFetcher(Transport transport, Set<String> insecure, Duration timeout) {
    this.transport = transport;
    this.insecure = insecure;
    this.timeout = timeout;
  }

  Token fetch(Challenge challenge, String scope, String registry, Optional<RegistryCredential> credential,
      Instant deadline) {
    String realm = challenge.param("realm").orElseThrow(() -> failure(registry, 0, "bearer challenge without realm"));
    StringBuilder query = new StringBuilder();
    challenge.param("service").ifPresent(s -> query.append("service=").append(enc(s)));
    if (scope != null) {
      query.append(query.length() == 0 ? "" : "&").append("scope=").append(enc(scope));
    }
    URI uri = URI.create(realm + (query.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + query));
    if (!HostRules.schemeAllowed(uri, insecure)) {
      throw new RegistryException(RegistryException.Reason.INPUT, 0,
          "token realm " + uri.getHost() + " for " + registry + " is not HTTPS; refusing to send credentials");
    }
    Duration left = Duration.between(Instant.now(), deadline);
    Duration t = left.compareTo(timeout) < 0 ? left : timeout;
    if (t.isNegative() || t.isZero()) {
      throw new RegistryException(RegistryException.Reason.DEADLINE, 0, "deadline reached before checking");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    credential.map(RegistryAuth::basic).ifPresent(basic -> headers.put("Authorization", basic));
    try (Transport.Response r = transport.send("GET", uri, headers, null, t)) {
      if (r.status() == 401 || r.status() == 403) {
        throw new RegistryException(RegistryException.Reason.AUTH, r.status(),
            "authentication failed at " + registry + " (" + r.status() + ")");
      }
      if (r.status() != 200) {
        throw failure(registry, r.status(), "token service answered HTTP " + r.status());
      }
      BodyReader.Result body = BodyReader.read(r.body(), MAX_TOKEN_BYTES, true);
      JsonNode json = JSON.readTree(body.bytes());
      String token = json.path("token").asText(json.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw failure(registry, 200, "token service answered no token");
      }
      long seconds = Math.max(60, json.path("expires_in").asLong(60));
      return new Token(token, Instant.now().plusSeconds(seconds - 10));
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.UNREACHABLE, 0,
          "token service for " + registry + " unreachable: " + e.getClass().getSimpleName(), e);
    }
  }

  private static RegistryException failure(String registry, int status, String what) {
    return new RegistryException(RegistryException.Reason.UNAVAILABLE, status, what + " (" + registry + ")");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
