package dev.phoenix.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The plain binary layout of a {@link ReadCache} entry's payload: ints, longs and nullable UTF-8
 * strings, nothing else (no object graph is ever deserialized). A payload that does not read back
 * exactly is {@linkplain Malformed malformed}, and callers read the blobs again.
 */
public final class EntryCodec {
  private EntryCodec() {}

  /** A payload that does not decode: the entry is treated as absent. */
  public static final class Malformed extends RuntimeException {
    public Malformed(String message) {
      super(message);
    }
  }

  /** Writes a payload. */
  public static final class Out {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public Out integer(long value) {
      try {
        out.writeLong(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** A string or null. */
    public Out text(String value) {
      try {
        if (value == null) {
          out.writeInt(-1);
        } else {
          byte[] b = value.getBytes(StandardCharsets.UTF_8);
          out.writeInt(b.length);
          out.write(b);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    public byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  /** Reads a payload written by {@link Out}, in the same order. */
  public static final class In {
    private final DataInputStream in;
    private final int length;

    public In(byte[] payload) {
      this.in = new DataInputStream(new ByteArrayInputStream(payload));
      this.length = payload.length;
    }

    public long integer() {
      try {
        return in.readLong();
      } catch (IOException e) {
        throw new Malformed("truncated");
      }
    }

    /** A count of items to follow, checked against what is left. */
    public int count() {
      long n = integer();
      if (n < 0 || n > length) {
        throw new Malformed("bad count " + n);
      }
      return (int) n;
    }

    public String text() {
      try {
        int n = in.readInt();
        if (n == -1) {
          return null;
        }
        if (n < 0 || n > in.available()) {
          throw new Malformed("bad length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new Malformed("truncated");
      }
    }

    /** Fails unless everything was read. */
    public void end() {
      try {
        if (in.available() != 0) {
          throw new Malformed("trailing bytes");
        }
      } catch (IOException e) {
        throw new Malformed("unreadable");
      }
    }
  }
}
