package dev.phoenix.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A request body: bytes in memory (manifests; can be sent again on a retry), or a stream of a
 * known length (a blob on its way from one registry to another; sent once, never held in memory).
 */
record Payload(byte[] bytes, InputStream stream, long length) {

  static Payload of(byte[] bytes) {
    return new Payload(bytes, null, bytes.length);
  }

  static Payload streaming(InputStream stream, long length) {
    return new Payload(null, stream, length);
  }

  /** True when the body can be sent again (a retry, an answer to a 401). */
  boolean replayable() {
    return bytes != null;
  }

  /** Writes exactly {@code length} bytes; a stream that ends early or runs long is an error. */
  void writeTo(OutputStream out) throws IOException {
    if (bytes != null) {
      out.write(bytes);
      return;
    }
    byte[] buffer = new byte[256 * 1024];
    long sent = 0;
    while (sent < length) {
      int n = stream.read(buffer, 0, (int) Math.min(buffer.length, length - sent));
      if (n < 0) {
        throw new IOException("the source ended after " + sent + " of " + length + " bytes");
      }
      out.write(buffer, 0, n);
      sent += n;
    }
    if (stream.read() >= 0) {
      throw new IOException("the source is longer than " + length + " bytes");
    }
  }
}
