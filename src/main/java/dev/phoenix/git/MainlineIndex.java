package dev.phoenix.git;

import dev.phoenix.core.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * HEAD's first-parent chain as (commit time, id) pairs, cached per repository and HEAD under
 * {@code ~/.cache/phoenix/mainline/} (like Git's commit-graph, but for the one question Phoenix
 * asks: which mainline commit was current at a moment). A lookup becomes a scan of an int array
 * instead of inflating thousands of commit objects. When HEAD moved on, only the new commits are
 * walked; the cache is never required — any failure to read or write it falls back to the walk.
 * Never trusted either: a file whose checksum or length does not match is walked again (a flipped
 * bit in a time would otherwise choose another commit for {@code --at}).
 */
final class MainlineIndex {
  private static final int MAGIC = 0x50484d32; // "PHM2": PHM1 had no checksum
  private static final int SUM = 32; // SHA-256 of everything before it, at the end
  private final ObjectId head;
  private final int[] times;
  private final byte[] ids; // 20 bytes per commit, same order as times (newest first)

  private MainlineIndex(ObjectId head, int[] times, byte[] ids) {
    this.head = head;
    this.times = times;
    this.ids = ids;
  }

  /** The newest chain commit whose time is not after {@code limit} (epoch seconds). */
  Optional<ObjectId> at(long limit) {
    for (int i = 0; i < times.length; i++) {
      if (times[i] <= limit) {
        return Optional.of(ObjectId.fromRaw(ids, i * 20));
      }
    }
    return Optional.empty();
  }

  /** The cached index for {@code head}, extended or built by walking what is not cached yet. */
  static MainlineIndex forHead(RevWalk walk, ObjectId head, Path file) throws IOException {
    MainlineIndex old = read(file);
    if (old != null && old.head.equals(head)) {
      return old;
    }
    walk.setRetainBody(false);
    int[] times = new int[1024];
    ByteArrayOutputStream ids = new ByteArrayOutputStream();
    int n = 0;
    RevCommit commit = walk.parseCommit(head);
    while (true) {
      if (old != null && commit.equals(old.head)) {
        times = Arrays.copyOf(times, n + old.times.length);
        System.arraycopy(old.times, 0, times, n, old.times.length);
        ids.write(old.ids);
        n += old.times.length;
        break;
      }
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
      }
      times[n++] = commit.getCommitTime();
      byte[] raw = new byte[20];
      commit.copyRawTo(raw, 0);
      ids.write(raw);
      if (commit.getParentCount() == 0) {
        break;
      }
      commit = walk.parseCommit(commit.getParent(0));
    }
    MainlineIndex index = new MainlineIndex(head.copy(), Arrays.copyOf(times, n), ids.toByteArray());
    index.write(file);
    return index;
  }

  static Path fileFor(java.io.File gitDir) {
    String configured = System.getProperty("phoenix.cache.dir");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root = configured != null ? Path.of(configured)
        : xdg != null && !xdg.isBlank() ? Path.of(xdg, "phoenix") : Path.of(System.getProperty("user.home"), ".cache", "phoenix");
    return root.resolve("mainline").resolve(hash(gitDir.getAbsolutePath()) + ".idx");
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(bytes, 0, length);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MainlineIndex read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      byte[] all = Files.readAllBytes(file);
      if (all.length < 28 + SUM || !Arrays.equals(sha256(all, all.length - SUM), 0, SUM, all, all.length - SUM, all.length)) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - SUM);
      if (in.getInt() != MAGIC) {
        return null;
      }
      byte[] head = new byte[20];
      in.get(head);
      int n = in.getInt();
      if (n < 0 || in.remaining() != 24L * n) {
        return null;
      }
      int[] times = new int[n];
      in.asIntBuffer().get(times);
      in.position(in.position() + 4 * n);
      byte[] ids = new byte[n * 20];
      in.get(ids);
      return new MainlineIndex(ObjectId.fromRaw(head), times, ids);
    } catch (IOException | RuntimeException e) {
      return null; // a damaged or truncated cache is rebuilt
    }
  }

  private void write(Path file) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + 24 * times.length);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      byte[] raw = new byte[20];
      head.copyRawTo(raw, 0);
      out.write(raw);
      out.writeInt(times.length);
      for (int t : times) {
        out.writeInt(t);
      }
      out.write(ids);
      out.flush();
      out.write(sha256(bytes.toByteArray(), bytes.size()));
      AtomicFiles.writeCacheFile(file, bytes.toByteArray());
    } catch (IOException | RuntimeException e) {
      // the cache only saves time; without it every lookup walks
    }
  }
}
