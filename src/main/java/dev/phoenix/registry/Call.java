package dev.phoenix.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One registry API request: {@code method /v2/<path>} on {@code registry}, authorised for
 * {@code repository} with {@code actions} ("pull" or "pull,push"). {@code body} says what to do
 * with the answer's bytes; at most {@code maxBytes} are read.
 */
record Call(
    String method,
    String registry,
    String repository,
    String actions,
    String path,
    Map<String, String> headers,
    Payload content,
    Body body,
    long maxBytes,
    Duration timeout,
    Instant deadline) {

  /** What to do with the response body of a 2xx answer (other answers' bodies are discarded). */
  enum Body {
    DISCARD,
    /** Keep the bytes (manifests, tag lists), failing with TOO_LARGE past {@code maxBytes}. */
    BYTES,
    /** Stream through SHA-256 and count; stop reading after {@code maxBytes} + 1 bytes. */
    HASH,
    /** Leave the body unread: {@link Reply#stream()} is open and the caller closes it. */
    STREAM
  }

  static Call get(String registry, String repository, String path, Body body, long maxBytes, Duration timeout,
      Instant deadline, Map<String, String> headers) {
    return new Call("GET", registry, repository, "pull", path, headers, null, body, maxBytes, timeout, deadline);
  }

  String describe() {
    return method + " " + registry + "/v2/" + path;
  }
}
