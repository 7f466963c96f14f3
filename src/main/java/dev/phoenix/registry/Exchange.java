package dev.phoenix.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one request and follows redirects by hand (at most {@code maxRedirects}), so that the
 * Authorization header is dropped for good as soon as a redirect leaves the original host. The body
 * is read under a watchdog that closes the stream when the request's time is up.
 */
final class Exchange {
  private final Transport transport;
  private final Set<String> insecure;
  private final int maxRedirects;
  private final ScheduledExecutorService watchdog;

  Exchange(Transport transport, Set<String> insecure, int maxRedirects, ScheduledExecutorService watchdog) {
    this.transport = transport;
    this.insecure = insecure;
    this.maxRedirects = maxRedirects;
    this.watchdog = watchdog;
  }

  Reply send(Call call, URI uri, String authorization, Duration timeout)
      throws IOException, InterruptedException {
    URI current = uri;
    String auth = authorization;
    long end = System.nanoTime() + timeout.toNanos();
    for (int hop = 0; ; hop++) {
      if (!HostRules.schemeAllowed(current, insecure)) {
        throw new RegistryException(RegistryException.Reason.INPUT, 0,
            "refusing plain HTTP to " + current.getHost() + " (redirected from " + call.registry() + ")");
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("abandoned at the deadline");
      }
      Duration left = Duration.ofNanos(Math.max(1_000_000L, end - System.nanoTime()));
      Transport.Response response = transport.send(call.method(), current, headers(call, auth), call.content(), left);
      int status = response.status();
      var location = response.headers().firstValue("Location");
      if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
        response.body().close();
        if (hop >= maxRedirects) {
          throw new RegistryException(RegistryException.Reason.UNAVAILABLE, status,
              "too many redirects for " + call.describe());
        }
        URI next = current.resolve(location.get());
        if (!sameOrigin(current, next)) {
          auth = null; // never again, even if a later hop comes back
        }
        current = next;
        continue;
      }
      return read(call, response, end);
    }
  }

  private static Map<String, String> headers(Call call, String auth) {
    Map<String, String> headers = new LinkedHashMap<>(call.headers());
    if (auth != null) {
      headers.put("Authorization", auth);
    }
    return headers;
  }

  static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
        && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && port(a) == port(b);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private Reply read(Call call, Transport.Response response, long end) throws IOException {
    int status = response.status();
    boolean ok = status >= 200 && status < 300;
    if (ok && call.body() == Call.Body.STREAM && !"HEAD".equals(call.method())) {
      return new Reply(status, response.headers(), null, null, -1, response.body()); // the caller reads and closes it
    }
    try (InputStream in = response.body()) {
      if (!ok || call.body() == Call.Body.DISCARD || "HEAD".equals(call.method())) {
        return new Reply(status, response.headers(), null, null, -1);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (call.body() == Call.Body.BYTES && declared > call.maxBytes()) {
        throw tooLarge(call);
      }
      long delay = Math.max(1, end - System.nanoTime());
      ScheduledFuture<?> guard = watchdog.schedule(() -> closeQuietly(in), delay, TimeUnit.NANOSECONDS);
      try {
        BodyReader.Result r = BodyReader.read(in, call.maxBytes(), call.body() == Call.Body.BYTES, declared);
        if (call.body() == Call.Body.BYTES && r.size() > call.maxBytes()) {
          throw tooLarge(call);
        }
        return new Reply(status, response.headers(), r.bytes(), r.sha256Hex(), r.size());
      } catch (IOException e) {
        if (System.nanoTime() >= end) {
          throw new SocketTimeoutException("body of " + call.describe() + " not read in time");
        }
        throw e;
      } finally {
        guard.cancel(false);
      }
    }
  }

  private static RegistryException tooLarge(Call call) {
    return new RegistryException(RegistryException.Reason.TOO_LARGE, 200,
        call.describe() + " answered more than " + call.maxBytes() + " bytes");
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader sees the failure
    }
  }
}
