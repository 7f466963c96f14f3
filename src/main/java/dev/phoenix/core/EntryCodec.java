package dev.phoenix.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The plain binary layout of a {@link ReadCache} entry's payload: integers (zigzag varints) and
 * nullable UTF-8 strings (a varint of length + 1, 0 for null), nothing else (no object graph is
 * ever deserialized). Read straight from the array: a second night decodes millions of these. A
 * payload that does not read back exactly is {@linkplain Malformed malformed}, and callers read
 * the blobs again.
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
    private byte[] buf = new byte[1024];
    private int n;

    public Out integer(long value) {
      long v = (value << 1) ^ (value >> 63); // zigzag: small negatives stay short
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
      return this;
    }

    /** A string or null. */
    public Out text(String value) {
      if (value == null) {
        return integer(0);
      }
      byte[] b = value.getBytes(StandardCharsets.UTF_8);
      integer(b.length + 1L);
      ensure(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
      return this;
    }

    private void ensure(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    /** A part written on its own (its length, then its bytes): what {@link In#part} reads. */
    public Out part(byte[] bytes) {
      integer(bytes.length);
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, n, bytes.length);
      n += bytes.length;
      return this;
    }

    public byte[] bytes() {
      return Arrays.copyOf(buf, n);
    }
  }

  /** Reads a payload written by {@link Out}, in the same order. */
  public static final class In {
    private final byte[] in;
    private int at;
    /** Where this reader's bytes end: the payload's length, or a {@linkplain #part part}'s end. */
    private final int limit;

    public In(byte[] payload) {
      this(payload, 0, payload.length);
    }

    private In(byte[] payload, int from, int limit) {
      this.in = payload;
      this.at = from;
      this.limit = limit;
    }

    /**
     * A reader of the next part ({@link Out#part}), which this one passes over: the part may be read
     * in full, in part or not at all.
     */
    public In part() {
      int n = count();
      In part = new In(in, at, at + n);
      at += n;
      return part;
    }

    public long integer() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= limit) {
          throw new Malformed("truncated");
        }
        byte b = in[at++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return (v >>> 1) ^ -(v & 1);
        }
      }
      throw new Malformed("an integer longer than 10 bytes");
    }

    /** A count of items to follow, checked against what is left (each item takes a byte at least). */
    public int count() {
      long n = integer();
      if (n < 0 || n > limit - at) {
        throw new Malformed("bad count " + n);
      }
      return (int) n;
    }

    public String text() {
      int length = textLength();
      if (length < 0) {
        return null;
      }
      String s = new String(in, at, length, StandardCharsets.UTF_8);
      at += length;
      return s;
    }

    /** The byte length of the text that follows, read from its head; -1 for null. */
    private int textLength() {
      long n = integer();
      if (n < 0 || n - 1 > limit - at) {
        throw new Malformed("bad length " + n);
      }
      return (int) n - 1;
    }

    /** The bytes not read yet, a copy; nothing is left to read after. */
    public byte[] rest() {
      byte[] rest = Arrays.copyOfRange(in, at, limit);
      at = limit;
      return rest;
    }

    /** Passes over a text without making it. */
    public void skipText() {
      int length = textLength(); // first: it moves past the length itself
      at += Math.max(0, length);
    }

    /** Where the next read starts: an offset into the whole payload (a part's too). */
    public int position() {
      return at;
    }

    /** Reads again from {@code offset}, a {@link #position} this reader gave. */
    public void position(int offset) {
      if (offset < 0 || offset > limit) {
        throw new IllegalArgumentException("offset " + offset + " outside the payload");
      }
      at = offset;
    }

    /** Fails unless everything was read. */
    public void end() {
      if (at != limit) {
        throw new Malformed("trailing bytes");
      }
    }
  }
}
