package dev.phoenix.registry;

import dev.phoenix.check.Throttle;
import dev.phoenix.core.DaemonThreads;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * Sends registry API calls with authorization, bounded retries (429, 5xx, timeouts, connection
 * failures; never 401/403/404), one token refresh after a 401, per-request timeouts cut to the
 * caller's deadline. Answers 2xx and 4xx other than 401/403 are returned; the rest throw
 * {@link RegistryException}.
 */
final class RegistryHttp implements AutoCloseable {
  private final RegistrySettings settings;
  private final Set<String> insecure;
  private final RegistryAuth auth;
  private final Exchange exchange;
  private final ScheduledExecutorService watchdog;

  RegistryHttp(RegistrySettings settings, Set<String> insecure, RegistryCredentials credentials) {
    this.settings = settings;
    this.insecure = Set.copyOf(insecure);
    Transport transport = new Transport(settings.connectTimeout());
    this.watchdog = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("registry-body-watchdog"));
    this.auth = new RegistryAuth(credentials, new TokenFetcher(transport, this.insecure, settings.requestTimeout()));
    this.exchange = new Exchange(transport, this.insecure, settings.maxRedirects(), watchdog);
  }

  Reply send(Call call) {
    URI uri = HostRules.base(call.registry(), insecure).resolve("/v2/" + call.path());
    RetryPolicy retry = settings.retry();
    Throttle pace = settings.rates().lane(call.registry());
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      Duration timeout = timeLeft(call);
      String authorization = auth.header(call);
      if (!pace.acquire(call.deadline())) {
        throw deadline(call);
      }
      timeout = timeLeft(call);
      Reply reply;
      try {
        reply = exchange.send(call, uri, authorization, timeout);
      } catch (IOException e) {
        if (!retryable(e) || !retry.mayRetry(attempt) || !replayable(call)) {
          throw unreachable(call, e);
        }
        pause(call, retry.delay(attempt, null, Instant.now(), ThreadLocalRandom.current()::nextDouble));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw deadline(call);
      }
      int status = reply.status();
      String after = reply.header("Retry-After").orElse(null);
      if (throttling(status, after) && replayable(call)) {
        // the registry asks us to slow down: the host's lane slows, this request waits its turn and
        // tries again until the run's deadline (not counted against the retry budget)
        pace.throttled(RetryPolicy.parseRetryAfter(after, Instant.now())
            .map(d -> d.compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter() : d).orElse(null));
        attempt--;
        continue;
      }
      pace.answered();
      if (status == 401 && !refreshed && replayable(call) && auth.refresh(call, authorization, reply.header("WWW-Authenticate").orElse(null))) {
        refreshed = true;
        attempt--; // answering a challenge is not a retry
        continue;
      }
      if (status == 401 || status == 403) {
        throw new RegistryException(RegistryException.Reason.AUTH, status,
            "authentication failed at " + call.registry() + " (" + status + ")");
      }
      if (RetryPolicy.retryable(status)) {
        if (!retry.mayRetry(attempt) || !replayable(call)) {
          throw new RegistryException(RegistryException.Reason.UNAVAILABLE, status,
              call.registry() + " answered HTTP " + status + " " + attempt + " times");
        }
        pause(call, retry.delay(attempt, after, Instant.now(), ThreadLocalRandom.current()::nextDouble));
        continue;
      }
      return reply;
    }
  }

  /** A streamed body is sent once: its caller retries the whole copy. */
  private static boolean replayable(Call call) {
    return call.content() == null || call.content().replayable();
  }

  /** 429 always, 503 when it says when to come back: the registry is throttling, not failing. */
  static boolean throttling(int status, String retryAfter) {
    return status == 429 || status == 503 && retryAfter != null && !retryAfter.isBlank();
  }

  private Duration timeLeft(Call call) {
    Duration left = Duration.between(Instant.now(), call.deadline());
    if (left.isNegative() || left.isZero()) {
      throw deadline(call);
    }
    return left.compareTo(call.timeout()) < 0 ? left : call.timeout();
  }

  private void pause(Call call, Duration delay) {
    if (Instant.now().plus(delay).isAfter(call.deadline())) {
      throw deadline(call);
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw deadline(call);
    }
  }

  static boolean retryable(IOException e) {
    return !(e instanceof UnknownHostException) && !(e instanceof SSLException)
        && !(e.getCause() instanceof SSLException);
  }

  private static RegistryException unreachable(Call call, IOException e) {
    String why = e instanceof SocketTimeoutException ? "timed out"
        : e instanceof ConnectException ? "connection refused"
        : e instanceof UnknownHostException ? "unknown host"
        : e instanceof SSLException || e.getCause() instanceof SSLException ? "TLS failure"
        : e.getClass().getSimpleName();
    return new RegistryException(RegistryException.Reason.UNREACHABLE, 0,
        "registry " + call.registry() + " unreachable (" + why + ")", e);
  }

  private static RegistryException deadline(Call call) {
    return new RegistryException(RegistryException.Reason.DEADLINE, 0, "deadline reached before checking");
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
