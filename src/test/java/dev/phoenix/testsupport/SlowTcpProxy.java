package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A byte-for-byte TCP relay on 127.0.0.1 in front of a real server (moto), which can hold every
 * chunk a client sends for a while: it makes a real engine's apply slow enough to be interrupted
 * mid-way. Headers and signatures pass untouched (an HTTP-level proxy would rewrite them).
 */
public final class SlowTcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private volatile Duration delay = Duration.ZERO;
  private final AtomicLong chunks = new AtomicLong();

  public SlowTcpProxy(URI upstream) {
    this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
    try {
      server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accept = new Thread(this::accept, "slow-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** From now on each chunk a client sends waits this long before it is passed on. */
  public void delay(Duration delay) {
    this.delay = delay;
  }

  /** Chunks clients sent so far (a request is one or a few). */
  public long chunks() {
    return chunks.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket up = new Socket(upstream.getAddress(), upstream.getPort());
        pipe(client, up, true);
        pipe(up, client, false);
      } catch (IOException e) {
        // closed, or upstream refused: the client sees its connection end
      }
    }
  }

  private void pipe(Socket from, Socket to, boolean slow) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (slow) {
            chunks.incrementAndGet();
            Thread.sleep(delay.toMillis());
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side went away
      } finally {
        close(from);
        close(to);
      }
    }, "slow-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
