package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real AWS emulator ({@code python3 -m moto.server}) on 127.0.0.1:free-port. Point an SDK client
 * at {@link #endpoint()} with region {@link #REGION} and static credentials {@link #ACCESS_KEY} /
 * {@link #SECRET_KEY}; {@link #reset()} wipes all state between tests.
 */
public final class MotoServer implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "testing";
  public static final String SECRET_KEY = "testing";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final int START_ATTEMPTS = 3;

  private static MotoServer shared;

  private final Path dir;
  private final int port;
  private final ManagedProcess process;
  private boolean isShared;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  private MotoServer(Path dir, int port, ManagedProcess process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** Starts moto and waits (at most 60 s) until GET /moto-api/ answers 200. */
  public static MotoServer start() {
    Path python = Servers.requireBinary("python3", "the moto AWS emulator (python3 -m moto.server)");
    IllegalStateException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) { // retry: the free port may be taken
      Path dir = createTempDir();
      int port = Servers.freeLoopbackPort();
      ManagedProcess process =
          ManagedProcess.start(
              "moto.server",
              List.of(python.toString(), "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port)),
              dir,
              dir.resolve("moto.log"),
              dir.resolve("moto.log"),
              Map.of("PYTHONUNBUFFERED", "1"));
      MotoServer moto = new MotoServer(dir, port, process);
      try {
        Servers.awaitReady("moto server on 127.0.0.1:" + port, READY_TIMEOUT, process, moto::answers);
        return moto;
      } catch (IllegalStateException e) {
        moto.close();
        last = e;
      }
    }
    throw new IllegalStateException(
        last.getMessage() + "\n(is python package moto[server]==5.2.1 installed? " + Servers.ENSURE_TOOLS + ")", last);
  }

  /**
   * One moto for every test class of this JVM, started on first use and stopped when the JVM
   * exits; wiped ({@link #reset()}) on every call, so each class starts from an empty emulator
   * exactly as with {@link #start()}. {@link #close()} on it is a no-op. Saves a moto start
   * (0.4–2 s) per test class.
   */
  public static synchronized MotoServer shared() {
    if (shared == null || !shared.process.isAlive()) {
      MotoServer started = start();
      started.isShared = true;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "moto-shutdown"));
      shared = started;
    }
    shared.reset();
    return shared;
  }

  /** http://127.0.0.1:PORT — the endpoint override for every AWS service client. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** The server's combined stdout/stderr (one line per request). */
  public Path logFile() {
    return dir.resolve("moto.log");
  }

  /**
   * The lines of {@link #logFile()} once moto has been quiet for 100 ms (at most 2 s): it logs a
   * request just after it answers. Compare two counts to count the requests between them.
   */
  public List<String> log() {
    return Servers.quietLines(logFile(), StandardCharsets.ISO_8859_1);
  }

  /** POST /moto-api/reset: forget every resource in every service. */
  public void reset() {
    int status = post("/moto-api/reset");
    if (status != 200) {
      throw new IllegalStateException("moto reset answered HTTP " + status);
    }
  }

  @Override
  public void close() {
    if (!isShared) {
      stop();
    }
  }

  private void stop() {
    process.close();
    try {
      Files.deleteIfExists(logFile());
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // temp dir; best effort
    }
  }

  private boolean answers() {
    try {
      return http.send(request("/moto-api/").GET().build(), BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private int post(String path) {
    try {
      return http.send(request(path).POST(BodyPublishers.noBody()).build(), BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " to moto failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(endpoint().resolve(path)).timeout(Duration.ofSeconds(10));
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("phoenix-moto-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
