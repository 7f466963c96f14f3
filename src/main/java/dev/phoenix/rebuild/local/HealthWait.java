package dev.phoenix.rebuild.local;

import dev.phoenix.docker.ContainerState;
import dev.phoenix.docker.Docker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until one container is healthy: its blueprint health path answers 2xx on the published
 * 127.0.0.1 port; without a path, its image's HEALTHCHECK reports healthy; without either, it is
 * still running a second after start. A container that exits fails at once.
 */
final class HealthWait {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final long POLL_MILLIS = 100;
  private static final Duration RUNNING_GRACE = Duration.ofSeconds(1);

  private final Docker docker;
  private final HttpClient http;

  HealthWait(Docker docker) {
    this.docker = docker;
    this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  }

  /** How a service is checked, for the record: "http GET /healthz", "image HEALTHCHECK", "running". */
  static String method(String healthPath, boolean imageHealthcheck) {
    if (healthPath != null && !healthPath.isBlank()) {
      return "http GET " + healthPath;
    }
    return imageHealthcheck ? "image HEALTHCHECK" : "running";
  }

  /** Null when healthy before the deadline, else why not. */
  String await(String containerId, String healthPath, boolean imageHealthcheck, long deadlineNanos) {
    String method = method(healthPath, imageHealthcheck);
    long runningSince = System.nanoTime();
    String last = "not checked yet";
    while (true) {
      ContainerState state = docker.inspect(containerId);
      if (!state.running()) {
        return "container " + state.name() + " is " + state.status() + " (exit code " + state.exitCode() + ")";
      }
      switch (method) {
        case "image HEALTHCHECK" -> {
          if ("healthy".equals(state.health())) {
            return null;
          }
          last = "HEALTHCHECK status " + state.health();
        }
        case "running" -> {
          if (System.nanoTime() - runningSince >= RUNNING_GRACE.toNanos()) {
            return null;
          }
          last = "running";
        }
        default -> {
          if (state.hostPort().isEmpty()) {
            last = "no port published on 127.0.0.1";
          } else {
            last = probe(state.hostPort().getAsInt(), healthPath);
            if (last == null) {
              return null;
            }
          }
        }
      }
      if (System.nanoTime() >= deadlineNanos) {
        return method + " did not pass before the deadline; last: " + last;
      }
      sleep();
    }
  }

  private String probe(int port, String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p))
        .timeout(REQUEST_TIMEOUT).GET().build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300 ? null : "HTTP " + status;
    } catch (IOException e) {
      return "no answer (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
