package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  private static final byte[] BODY = bytes(200_000);

  @Test
  void readsTheWholeBodyWhateverLengthWasDeclared() throws IOException {
    String sha = BodyReader.sha256Hex(BODY);
    for (long declared : new long[] {-1, 0, 1, 500, BODY.length, BODY.length + 10_000L}) {
      BodyReader.Result r = BodyReader.read(new ByteArrayInputStream(BODY), 1 << 20, true, declared);
      assertThat(r.size()).as("declared %d", declared).isEqualTo(BODY.length);
      assertThat(r.sha256Hex()).as("declared %d", declared).isEqualTo(sha);
      assertThat(r.bytes()).as("declared %d", declared).isEqualTo(BODY);
    }
  }

  @Test
  void aBodyLongerThanDeclaredIsReadInGrowingChunks() throws IOException {
    CountingStream in = new CountingStream(BODY);
    BodyReader.Result r = BodyReader.read(in, 1 << 20, false, 0);
    assertThat(r.bytes()).isNull();
    assertThat(r.size()).isEqualTo(BODY.length);
    // 1, 4, 16, ... bytes, then 64 KiB reads: a few dozen reads, not one per byte
    assertThat(in.reads).isLessThan(20);
  }

  @Test
  void neverReadsMoreThanOneByteOverTheLimit() throws IOException {
    CountingStream in = new CountingStream(BODY);
    BodyReader.Result r = BodyReader.read(in, 1000, true, 10);
    assertThat(r.size()).isEqualTo(1001);
    assertThat(in.served).isEqualTo(1001);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(14).nextBytes(b);
    return b;
  }

  /** Serves the body as asked, counting reads and bytes. */
  private static final class CountingStream extends InputStream {
    private final byte[] body;
    int served;
    int reads;

    CountingStream(byte[] body) {
      this.body = body;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException("BodyReader reads in chunks");
    }

    @Override
    public int read(byte[] b, int off, int len) {
      reads++;
      if (served == body.length) {
        return -1;
      }
      int n = Math.min(len, body.length - served);
      System.arraycopy(body, served, b, off, n);
      served += n;
      return n;
    }
  }
}
