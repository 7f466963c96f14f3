package dev.phoenix.docker;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.phoenix.core.DaemonThreads;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one place where docker-java exceptions become {@link DockerException}s, and where every daemon
 * call gets its deadline: the call runs on a daemon thread and is abandoned when it has not returned
 * in time (the HTTP client's socket timeout, the same length, ends it soon after). Errors name the
 * endpoint ({@code DOCKER_HOST}).
 */
final class Guard implements AutoCloseable {
  private final URI host;
  private final Duration deadline;
  private final ExecutorService calls = Executors.newCachedThreadPool(DaemonThreads.named("phoenix-docker-call"));

  Guard(URI host, Duration deadline) {
    this.host = host;
    this.deadline = deadline;
  }

  Duration deadline() {
    return deadline;
  }

  URI host() {
    return host;
  }

  <T> T call(String what, Supplier<T> call) {
    return call(what, deadline, call);
  }

  /** As {@link #call(String, Supplier)} with its own deadline (a pull may take longer than a call). */
  <T> T call(String what, Duration limit, Supplier<T> call) {
    Future<T> future = calls.submit(call::get);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw DockerException.unavailable("Docker daemon at " + host + " did not answer '" + what + "' within "
          + seconds(limit), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw DockerException.failed(what + ": interrupted", false, e);
    } catch (ExecutionException e) {
      throw translate(what, e.getCause());
    }
  }

  void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  static void interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    throw DockerException.failed(what + ": interrupted", false, e);
  }

  private RuntimeException translate(String what, Throwable e) {
    if (e instanceof DockerException d) {
      return d;
    }
    if (e instanceof NotFoundException) {
      return DockerException.failed(what + ": not found (" + clean(e) + ")", true, e);
    }
    if (e instanceof com.github.dockerjava.api.exception.DockerException
        || e instanceof DockerClientException && !causedByIo(e)) {
      return DockerException.failed(what + ": " + clean(e), false, e);
    }
    if (causedByIo(e)) {
      return DockerException.unavailable(what + ": Docker daemon at " + host + " unreachable (" + clean(e) + ")", e);
    }
    if (e instanceof Error error) {
      throw error;
    }
    return DockerException.failed(what + ": " + clean(e), false, e);
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The daemon's message on one line, without docker-java's "Status 404: " JSON wrapping. */
  private static String clean(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replaceAll("^Status \\d+: ", "").replace("{\"message\":\"", "").replace("\"}", "");
    return message.strip().replaceAll("\\s+", " ");
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
