package dev.phoenix.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bearer-token registry for tests: {@code /token} issues tokens for the asked scope; {@code /v2/}
 * requests need a token whose scope names their repository, else 401 with a Bearer challenge.
 * Each token may be used {@code usesPerToken} times (to simulate expiry).
 */
final class TokenProxy implements AutoCloseable {
  final TestProxy proxy;
  final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
  private final Map<String, String> scopes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> uses = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile int usesPerToken = Integer.MAX_VALUE;
  private volatile boolean acceptTokens = true;

  TokenProxy(URI upstream) {
    proxy = new TestProxy(upstream);
    proxy.rule((req, x) -> {
      if (req.path().startsWith("/token")) {
        tokenRequests.add(req.path());
        tokenAuthorizations.add(String.valueOf(req.header("Authorization")));
        String scope = java.net.URLDecoder.decode(req.path().replaceAll(".*scope=([^&]*).*", "$1"),
            StandardCharsets.UTF_8);
        String token = "tok-" + issued.incrementAndGet();
        scopes.put(token, scope);
        uses.put(token, new AtomicInteger());
        TestProxy.respond(x, 200, Map.of("Content-Type", "application/json"),
            ("{\"token\":\"" + token + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8));
        return true;
      }
      String repo = req.path().replaceAll("^/v2/(.*)/(manifests|blobs|tags)/.*$", "$1");
      String auth = req.header("Authorization");
      String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
      boolean valid = acceptTokens && token != null && ("repository:" + repo + ":pull").equals(scopes.get(token))
          && uses.get(token).incrementAndGet() <= usesPerToken;
      if (!valid) {
        String challenge = "Bearer realm=\"http://" + proxy.hostPort() + "/token\",service=\"phoenix-test\","
            + "scope=\"repository:" + repo + ":pull\"";
        TestProxy.respond(x, 401, Map.of("WWW-Authenticate", challenge), new byte[0]);
        return true;
      }
      return false;
    });
  }

  TokenProxy usesPerToken(int n) {
    usesPerToken = n;
    return this;
  }

  TokenProxy acceptTokens(boolean accept) {
    acceptTokens = accept;
    return this;
  }

  String hostPort() {
    return proxy.hostPort();
  }

  @Override
  public void close() {
    proxy.close();
  }
}
