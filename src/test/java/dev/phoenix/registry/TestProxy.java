package dev.phoenix.registry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small real HTTP server on 127.0.0.1 for tests: records every request (method, path, headers)
 * and lets a {@link Rule} answer it; requests the rule passes on are forwarded to {@code upstream}
 * (a real registry), or answered 404 when there is none.
 */
public final class TestProxy implements AutoCloseable {

  /** One recorded request. */
  public record Seen(String method, String path, Map<String, List<String>> headers) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** Answers a request itself (true) or lets it through to upstream (false). */
  @FunctionalInterface
  public interface Rule {
    boolean handle(Seen request, HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final URI upstream;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Rule rule = (r, x) -> false;

  public TestProxy(URI upstream) {
    this.upstream = upstream;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "test-proxy");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::serve);
    server.start();
  }

  public TestProxy rule(Rule rule) {
    this.rule = rule;
    return this;
  }

  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  long count(String method, String pathFragment) {
    return seen.stream().filter(s -> s.method().equals(method) && s.path().contains(pathFragment)).count();
  }

  void clear() {
    seen.clear();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Seen request = new Seen(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()));
      seen.add(request);
      if (rule.handle(request, exchange)) {
        return;
      }
      if (upstream == null) {
        respond(exchange, 404, Map.of(), new byte[0]);
        return;
      }
      forward(request, exchange);
    }
  }

  private void forward(Seen request, HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(request.path()))
        .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String h : List.of("Accept", "Content-Type")) {
      String v = request.header(h);
      if (v != null) {
        b.header(h, v);
      }
    }
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new java.util.HashMap<>();
      for (String h : List.of("Content-Type", "Docker-Content-Digest", "Link", "Location", "WWW-Authenticate")) {
        r.headers().firstValue(h).ifPresent(v -> headers.put(h, v));
      }
      if (request.method().equals("HEAD")) {
        r.headers().firstValue("Content-Length").ifPresent(v -> headers.put("Content-Length", v));
      }
      respond(exchange, r.statusCode(), headers, r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Writes a whole answer (no body for HEAD). */
  public static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    headers.forEach(out::set);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
