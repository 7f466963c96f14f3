package dev.phoenix.registry;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A registry's answer: status, headers and, depending on {@link Call.Body}, the bytes or their
 * SHA-256 and length ({@code size} is {@code maxBytes + 1} when the body was longer than allowed).
 */
record Reply(int status, HttpHeaders headers, byte[] bytes, String sha256Hex, long size, java.io.InputStream stream) {

  Reply(int status, HttpHeaders headers, byte[] bytes, String sha256Hex, long size) {
    this(status, headers, bytes, sha256Hex, size, null);
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }

  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  String contentType() {
    String type = headers.firstValue("Content-Type").orElse("");
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).trim();
  }
}
