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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * HEAD's first-parent chain as (commit time, id, author, subject), cached per repository and HEAD
 * under {@code ~/.cache/phoenix/mainline/} (like Git's commit-graph, but for what Phoenix asks of
 * the mainline: which commit was current at a moment, and the chain itself for {@code history},
 * {@code verify} and {@code protect}). A lookup becomes a scan of an int array, and a walk of the
 * chain a pass over the file, instead of inflating thousands of commit objects. When HEAD moved on,
 * only the new commits are walked; the cache is never required — any failure to read or write it
 * falls back to the walk. Never trusted either: a file whose checksum or length does not match is
 * walked again (a flipped bit in a time would otherwise choose another commit for {@code --at}).
 */
final class MainlineIndex {
  private static final int MAGIC = 0x50484d33; // "PHM3": PHM2 had no authors and subjects, PHM1 no checksum
  private static final int SUM = 32; // SHA-256 of everything before it, at the end
  private final ObjectId head;
  private final int[] times;
  private final byte[] ids; // 20 bytes per commit, same order as times (newest first)
  private final String[] authors;
  private final String[] subjects;

  private MainlineIndex(ObjectId head, int[] times, byte[] ids, String[] authors, String[] subjects) {
    this.head = head;
    this.times = times;
    this.ids = ids;
    this.authors = authors;
    this.subjects = subjects;
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

  int size() {
    return times.length;
  }

  /** The {@code i}th commit of the chain, newest first, as the walk would give it. */
  CommitInfo info(int i) {
    return new CommitInfo(ObjectId.fromRaw(ids, i * 20).name(), Instant.ofEpochSecond(times[i]), authors[i], subjects[i]);
  }

  /**
   * The index for {@code head} when the file holds one for it or for an older head (then extended
   * by walking the commits since); empty when there is no index yet, so a walk that may stop early
   * is not made to go down to the root first.
   */
  static Optional<MainlineIndex> ifKept(RevWalk walk, ObjectId head, Path file) throws IOException {
    MainlineIndex old = read(file);
    return old == null ? Optional.empty() : Optional.of(extended(walk, head, old, file));
  }

  /** The cached index for {@code head}, extended or built by walking what is not cached yet. */
  static MainlineIndex forHead(RevWalk walk, ObjectId head, Path file) throws IOException {
    return extended(walk, head, read(file), file);
  }

  /** {@code old} (null: none) when it is {@code head}'s, else walked from {@code head} down to it and written. */
  private static MainlineIndex extended(RevWalk walk, ObjectId head, MainlineIndex old, Path file) throws IOException {
    if (old != null && old.head.equals(head)) {
      return old;
    }
    List<CommitInfo> walked = new ArrayList<>();
    MainlineIndex below = null; // what the walk reached: old's chain, or the root (nothing to splice on)
    RevCommit commit = walk.parseCommit(head);
    while (true) {
      if (old != null && commit.equals(old.head)) {
        below = old;
        break;
      }
      walked.add(GitRepository.info(commit));
      if (commit.getParentCount() == 0) {
        break;
      }
      commit = walk.parseCommit(commit.getParent(0));
    }
    MainlineIndex index = of(head, walked, below);
    index.write(file);
    return index;
  }

  /** Writes the index of a whole chain the caller walked (newest first, down to the root). */
  static void save(ObjectId head, List<CommitInfo> chain, Path file) {
    of(head, chain, null).write(file);
  }

  private static MainlineIndex of(ObjectId head, List<CommitInfo> newer, MainlineIndex older) {
    int n = newer.size() + (older == null ? 0 : older.size());
    int[] times = new int[n];
    byte[] ids = new byte[n * 20];
    String[] authors = new String[n];
    String[] subjects = new String[n];
    for (int i = 0; i < newer.size(); i++) {
      CommitInfo c = newer.get(i);
      times[i] = (int) c.committedAt().getEpochSecond();
      ObjectId.fromString(c.id()).copyRawTo(ids, i * 20);
      authors[i] = c.author();
      subjects[i] = c.subject();
    }
    if (older != null) {
      int at = newer.size();
      System.arraycopy(older.times, 0, times, at, older.size());
      System.arraycopy(older.ids, 0, ids, at * 20, older.size() * 20);
      System.arraycopy(older.authors, 0, authors, at, older.size());
      System.arraycopy(older.subjects, 0, subjects, at, older.size());
    }
    return new MainlineIndex(head.copy(), times, ids, authors, subjects);
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
    if (!file.toFile().isFile()) {
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
      if (n < 0 || in.remaining() < 24L * n) {
        return null;
      }
      int[] times = new int[n];
      in.asIntBuffer().get(times);
      in.position(in.position() + 4 * n);
      byte[] ids = new byte[n * 20];
      in.get(ids);
      String[] authors = new String[n];
      String[] subjects = new String[n];
      for (int i = 0; i < n; i++) {
        authors[i] = text(in);
        subjects[i] = text(in);
      }
      return in.hasRemaining() ? null : new MainlineIndex(ObjectId.fromRaw(head), times, ids, authors, subjects);
    } catch (IOException | RuntimeException e) {
      return null; // a damaged or truncated cache is rebuilt
    }
  }

  private static String text(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalStateException("bad length");
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private void write(Path file) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 64 * times.length);
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
      for (int i = 0; i < times.length; i++) {
        byte[] author = authors[i].getBytes(StandardCharsets.UTF_8);
        byte[] subject = subjects[i].getBytes(StandardCharsets.UTF_8);
        out.writeInt(author.length);
        out.write(author);
        out.writeInt(subject.length);
        out.write(subject);
      }
      out.flush();
      out.write(sha256(bytes.toByteArray(), bytes.size()));
      AtomicFiles.writeCacheFile(file, bytes.toByteArray());
    } catch (IOException | RuntimeException e) {
      // the cache only saves time; without it every lookup walks
    }
  }
}
