package dev.phoenix.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one exclusive, cross-process file lock of Phoenix (the lockfile writer's
 * {@code .environment.lock.yaml.writing}, the rebuild lock {@code <out>/locks/<env>/<target>.lock}).
 *
 * <p>The lock is the operating system's lock ({@link FileChannel#tryLock}) on the lock file, so it
 * ends with its process however that process ends. Beside it, {@code <lock file>.owner} names the
 * holder ({@link LockHolder}: user, host, pid, command, since when; never a secret), written
 * atomically once the lock is held, so a refusal says who holds it. The lock file holds the
 * acquisition's token, which tells whether the owner record is the current holder's.
 *
 * <p>Stale takeover: when the OS lock is free but an owner record remains, its process has ended
 * (killed, crashed): the lock is taken over and {@code notes} hears whose it was. A record naming a
 * process of this host that is still running (same pid, same start time) is still honoured as held,
 * for file systems where the OS lock does not work. {@link #close} removes the record and the lock
 * file, only while they are still this acquisition's ({@link #forceUnlock} may have handed the lock
 * to someone else meanwhile), then releases the OS lock.
 *
 * <p>Within one JVM, OS locks are per process (and closing any descriptor of a file drops them),
 * so holders in this JVM are kept in a table: a second holder in this JVM is refused like one in
 * another process, and no descriptor of a held lock file is opened or closed while it is held.
 */
public final class FileLock implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int ATTEMPTS = 5;
  /** Lock files held by this JVM, by file key (device and inode), with their holder. */
  private static final Map<Object, LockHolder> HELD = new HashMap<>();

  private final Path file;
  private final LockHolder holder;
  private final Object key;
  private final FileChannel channel;
  private final FileChannel witness;
  private final java.nio.channels.FileLock osLock;
  private boolean released;

  private FileLock(Path file, LockHolder holder, Object key, FileChannel channel, FileChannel witness,
      java.nio.channels.FileLock osLock) {
    this.file = file;
    this.holder = holder;
    this.key = key;
    this.channel = channel;
    this.witness = witness;
    this.osLock = osLock;
  }

  /** The lock is held by someone else (after waiting as long as asked). */
  public static final class Held extends Exception {
    private final Path file;
    private final transient LockHolder holder;

    Held(Path file, LockHolder holder) {
      super(file + " is locked by " + describe(holder));
      this.file = file;
      this.holder = holder;
    }

    public Path file() {
      return file;
    }

    /** Who holds it, when its owner record could be read and is the current holder's. */
    public Optional<LockHolder> holder() {
      return Optional.ofNullable(holder);
    }

    /** The holder's {@link LockHolder#describe}, or a sentence saying it is not known. */
    public String who() {
      return describe(holder);
    }

    private static String describe(LockHolder h) {
      return h != null ? h.describe() : "an unknown holder (its owner record is missing, unreadable or being written)";
    }
  }

  /**
   * Takes the lock of {@code file}, trying again every 100 ms for up to {@code wait} while another
   * holder has it. {@code command} goes into the owner record; {@code notes} hears a stale lock
   * being taken over.
   *
   * @throws Held when someone else holds it
   * @throws PhoenixException (UNAVAILABLE) when the lock file or its record is a link or not a regular file
   * @throws UncheckedIOException when the lock file cannot be created or written
   */
  public static FileLock acquire(Path file, String command, Duration wait, Consumer<String> notes) throws Held {
    Instant deadline = Instant.now().plus(wait);
    LockHolder me = LockHolder.me(command);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lock " + file + ": " + e.getMessage(), e);
    }
    while (true) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Attempt a = attempt(file, me, notes);
        if (a.lock != null) {
          return a.lock;
        }
        if (a.held) {
          if (!Instant.now().isBefore(deadline)) {
            throw new Held(file, a.holder);
          }
          sleep(file);
          attempt = -1; // someone holds it: wait, then start over
        }
        // neither: the lock file changed hands under us; try again at once
      }
      throw new UncheckedIOException("cannot take the lock " + file + ": it kept changing hands",
          new IOException("lock file replaced " + ATTEMPTS + " times"));
    }
  }

  /** Who the owner record of {@code file} names, if there is one and it is readable. */
  public static Optional<LockHolder> holder(Path file) {
    return OwnerRecord.read(OwnerRecord.of(file));
  }

  /**
   * Removes the lock file and its owner record whoever holds them (a person's decision: the CLI's
   * {@code --force-unlock}); returns who the record named. A holder still running keeps its OS
   * lock on the removed file, but its release no longer touches the path.
   */
  public static Optional<LockHolder> forceUnlock(Path file) {
    Path record = OwnerRecord.of(file);
    Optional<LockHolder> was = OwnerRecord.read(record);
    try {
      Files.deleteIfExists(record);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the lock " + file + ": " + e.getMessage(), e);
    }
    return was;
  }

  /** Where the owner record of {@code file} lives. */
  public static Path ownerRecordOf(Path file) {
    return OwnerRecord.of(file);
  }

  public Path file() {
    return file;
  }

  public LockHolder holder() {
    return holder;
  }

  /** {@code lock <file> held by <holder>}. */
  public String describe() {
    return "lock " + file + " held by " + holder.describe();
  }

  /** Releases the lock (once; safe from another thread, e.g. a shutdown hook). */
  @Override
  public void close() {
    synchronized (HELD) {
      if (released) {
        return;
      }
      released = true;
      IOException failed = null;
      try {
        if (key.equals(keyOf(file))) { // still ours: not force-unlocked and taken by someone else
          Path record = OwnerRecord.of(file);
          if (OwnerRecord.read(record).map(h -> h.token().equals(holder.token())).orElse(false)) {
            Files.deleteIfExists(record);
          }
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        failed = e;
      } finally {
        HELD.remove(key);
        closeQuietly(osLock, channel, witness);
      }
      if (failed != null) {
        throw new UncheckedIOException("cannot remove the lock " + file + ": " + failed.getMessage(), failed);
      }
    }
  }

  /** One try: the lock, or held (by whom, if known), or neither (the file changed hands: try again). */
  private record Attempt(FileLock lock, boolean held, LockHolder holder) {}

  private static Attempt attempt(Path file, LockHolder me, Consumer<String> notes) {
    Path record = OwnerRecord.of(file);
    synchronized (HELD) {
      OwnerRecord.refuseOddFile(file, "a lock file");
      OwnerRecord.refuseOddFile(record, "an owner record");
      Object before = keyOf(file);
      if (before != null && HELD.containsKey(before)) {
        return new Attempt(null, true, HELD.get(before));
      }
      FileChannel channel = null;
      FileChannel witness = null;
      java.nio.channels.FileLock os = null;
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
            LinkOption.NOFOLLOW_LINKS);
        try {
          os = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          os = null; // held in this JVM by a channel the table does not know of: held all the same
        }
        if (os == null) {
          channel.close();
          channel = null;
          return new Attempt(null, true, currentHolder(file, record));
        }
        byte[] token = me.token().getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        channel.force(true);
        Object key = keyOf(file);
        if (key == null || HELD.containsKey(key)) {
          return retry(os, channel);
        }
        // the path must still name the file we locked: read it back through a descriptor kept open until release
        witness = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        ByteBuffer back = ByteBuffer.allocate(token.length + 1);
        while (back.hasRemaining() && witness.read(back) > 0) {
          // read on
        }
        if (back.position() != token.length || !new String(back.array(), 0, back.position(), StandardCharsets.UTF_8)
            .equals(me.token())) {
          closeQuietly(witness);
          witness = null;
          return retry(os, channel);
        }
        Optional<LockHolder> left = OwnerRecord.read(record);
        if (left.isPresent() && left.get().host().equals(me.host()) && left.get().pid() > 0
            && !left.get().isStaleOn(me.host()) && ProcessHandle.of(left.get().pid()).isPresent()) {
          // its process runs on this host: honour it even though the OS lock was free
          closeQuietly(os, channel, witness);
          return new Attempt(null, true, left.get());
        }
        if (left.isPresent()) {
          notes.accept("lock: taking over the stale lock " + file + " of " + left.get().describe() + ": "
              + (left.get().host().equals(me.host()) ? "that process is no longer running on this host"
                  : "no process holds it any more"));
        } else if (Files.exists(record, LinkOption.NOFOLLOW_LINKS)) {
          notes.accept("lock: taking over the stale lock " + file + " (its owner record was unreadable): "
              + "no process holds it any more");
        }
        OwnerRecord.write(record, me);
        HELD.put(key, me);
        return new Attempt(new FileLock(file, me, key, channel, witness, os), false, null);
      } catch (IOException e) {
        closeQuietly(os, channel, witness);
        throw new UncheckedIOException("cannot take the lock " + file + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(os, channel, witness);
        throw e;
      }
    }
  }

  private static Attempt retry(java.nio.channels.FileLock os, FileChannel channel) {
    closeQuietly(os, channel);
    return new Attempt(null, false, null);
  }

  /** The holder named by the record, if the record is the one of whoever holds the lock file now. */
  private static LockHolder currentHolder(Path file, Path record) {
    Optional<LockHolder> named = OwnerRecord.read(record);
    Optional<String> token = OwnerRecord.readSmall(file).map(String::strip);
    return named.filter(h -> token.map(h.token()::equals).orElse(false)).orElse(null);
  }

  /** The file key (device and inode) of what the path names now, not through a link; null when absent. */
  private static Object keyOf(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(AutoCloseable... all) {
    for (AutoCloseable c : all) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // releasing: nothing more to do
        }
      }
    }
  }

  private static void sleep(Path file) {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "interrupted while waiting for the lock " + file, null);
    }
  }
}
