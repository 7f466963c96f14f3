package dev.phoenix.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-process HTTP endpoint on 127.0.0.1 answering canned AWS responses, for behaviours moto
 * does not have (EC2 deprecation, whole-call InvalidAMIID.NotFound, throttling, 403).
 */
public final class FakeEndpoint implements AutoCloseable {
  /** One received request: method, path and form/JSON body. */
  public record Request(String method, String path, String body) {
    /** Form-encoded body as a map (EC2 query protocol). */
    public Map<String, String> form() {
      Map<String, String> out = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return out;
    }
  }

  public record Response(int status, String contentType, String body) {}

  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  public FakeEndpoint(Function<Request, Response> handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
      requests.add(request);
      Response r = handler.apply(request);
      byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", r.contentType());
      boolean noBody = bytes.length == 0 || "HEAD".equals(request.method());
      exchange.sendResponseHeaders(r.status(), noBody ? -1 : bytes.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
      exchange.close();
    });
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public AwsConfig config() {
    return AwsConfig.forEndpoint(endpoint(), "us-east-1", "testing", "testing");
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
