package dev.phoenix.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every file Phoenix writes goes through here, under one rule (docs/security.md):
 *
 * <ul>
 *   <li>a regular file, or a path where nothing exists yet, is written whole or not at all: a
 *       temporary sibling, flushed to disk, then renamed over; an existing file keeps its
 *       permissions (and, where allowed, its owner); a new file gets 0666 minus the umask;
 *   <li>a symbolic link is followed and its target written by the same rule (the link stays);
 *       a link to nothing is refused;
 *   <li>a FIFO or a character device ({@code /dev/stdout}, {@code /dev/null}, a pipe) is written
 *       through as a stream, like a shell redirection, and never replaced;
 *   <li>a directory, a socket or a block device is refused with the reason.
 * </ul>
 */
public final class AtomicFiles {
  private static final int MAX_LINKS = 40;

  private AtomicFiles() {}

  public static void write(Path target, String content) {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) {
    write(target, out -> out.write(content));
  }

  /** What a streamed write writes: called once, with the stream to the new file (or the pipe). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * As {@link #write(Path, byte[])}, the content streamed instead of held whole in memory (a
   * report of a year of an estate is over 100 MB): still whole or unchanged for every reader.
   */
  public static void write(Path target, Content content) {
    Path path = target.toAbsolutePath().normalize();
    Kind kind = kindOf(path);
    refusal(path, kind).ifPresent(reason -> {
      throw refused(target, reason);
    });
    try {
      if (kind == Kind.FIFO || kind == Kind.CHARACTER_DEVICE || throughProcessDescriptor(path)) {
        stream(path, content);
      } else {
        replace(kind == Kind.ABSENT ? path : path.toRealPath(), content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + reason(e), e);
    }
  }

  /**
   * As {@link #write(Path, byte[])}, still whole or unchanged for every reader (the rename), but not
   * flushed to disk first: only for a cache whose entries are checked when read (a crash may leave
   * an entry empty or torn, which its reader discards), where a flush per entry would cost more
   * than the reading it saves.
   *
   * <p>An entry is a file Phoenix names inside its own cache directory, so none of the checks a
   * user's output path gets is made: a link, a pipe or a device at the entry's name is replaced by
   * the rename (never written through), a directory there makes the write fail. Those checks were
   * six failed file lookups per entry, more than half of a cold night's 2,000 entry writes
   * (250 ms of CPU against 110 ms now).
   */
  public static void writeCacheEntry(Path target, byte[] content) {
    writeOwned(target, content, false);
  }

  /**
   * As {@link #writeCacheEntry}, flushed to disk before the rename: for a file Phoenix keeps in its
   * cache directory whose reader checks its shape but not a checksum.
   */
  public static void writeCacheFile(Path target, byte[] content) {
    writeOwned(target, content, true);
  }

  private static void writeOwned(Path target, byte[] content, boolean flush) {
    Path path = target.toAbsolutePath().normalize();
    Path dir = path.getParent();
    try {
      if (!dir.toFile().isDirectory()) { // java.io: no exception thrown inside for an absent directory
        Files.createDirectories(dir);
      }
      renameOver(path, Files::createFile, channel -> {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }, flush);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + reason(e), e);
    }
  }

  /**
   * Why {@link #write} would refuse this path (a directory, a socket, a block device, a link to
   * nothing), checked before any work is done; empty when it can be written.
   */
  public static Optional<String> refusal(Path target) {
    Path path = target.toAbsolutePath().normalize();
    return refusal(path, kindOf(path));
  }

  /**
   * The file a path writes to, for telling two outputs apart: links followed, {@code ..} and
   * {@code .} removed; for a path that does not exist yet, its parent's real path and its name.
   */
  public static Path identity(Path target) {
    Path path = target.toAbsolutePath().normalize();
    try {
      return path.toRealPath();
    } catch (IOException e) {
      Path parent = path.getParent();
      try {
        return parent == null ? path : parent.toRealPath().resolve(path.getFileName());
      } catch (IOException again) {
        return path;
      }
    }
  }

  private static Optional<String> refusal(Path path, Kind kind) {
    return switch (kind) {
      case DIRECTORY -> Optional.of("it is a directory; give a file name inside it");
      case SOCKET -> Optional.of("it is a socket; Phoenix writes files, pipes and character devices only");
      case BLOCK_DEVICE -> Optional.of("it is a block device; Phoenix does not write to disks");
      case OTHER -> Optional.of("it is neither a file, a pipe nor a character device");
      case ABSENT -> Files.isSymbolicLink(path)
          ? Optional.of("it is a symbolic link to " + linkText(path) + ", which does not exist")
          : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static PhoenixException refused(Path target, String reason) {
    return PhoenixException.input("cannot write " + target + ": " + reason,
        "give the path of a regular file (it is replaced atomically), a pipe or a character device");
  }

  /**
   * Deletes the temporary siblings a write of {@code target} leaves when its process is killed
   * between creating one and renaming it over (they hold a whole or partial new version, never the
   * file itself, which is untouched). Call it only while holding the lock of the file's writers:
   * another writer's temporary file under way would be deleted too. Returns how many were deleted.
   */
  public static int removeLeftovers(Path target) {
    Path path = target.toAbsolutePath().normalize();
    Path dir = path.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return 0;
    }
    String prefix = "." + path.getFileName() + ".";
    int removed = 0;
    try (java.util.stream.Stream<Path> siblings = Files.list(dir)) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".tmp") && isUuid(name.substring(prefix.length(), name.length() - 4))
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir + ": " + reason(e), e);
    }
    return removed;
  }

  private static boolean isUuid(String s) {
    try {
      return s.length() == 36 && UUID.fromString(s).toString().equals(s);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void stream(Path path, Content content) throws IOException {
    try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
      content.writeTo(out);
      out.flush();
    }
  }

  private static void replace(Path target, Content content) throws IOException {
    Files.createDirectories(target.getParent());
    Optional<PosixFileAttributes> before = posixAttributes(target);
    renameOver(target, tmp -> {
      if (posix()) {
        Set<PosixFilePermission> mode = before.map(PosixFileAttributes::permissions)
            .orElse(PosixFilePermissions.fromString("rw-rw-rw-")); // the umask takes off what it must
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(mode));
        if (before.isPresent()) {
          Files.setPosixFilePermissions(tmp, before.get().permissions()); // exact, whatever the umask
          keepOwner(tmp, before.get());
        }
      } else {
        Files.createFile(tmp);
      }
    }, channel -> {
      OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
      content.writeTo(out);
      out.flush(); // not closed here: the channel is, by renameOver
    }, true);
  }

  /** Makes the empty temporary sibling (its mode, its owner). */
  @FunctionalInterface
  private interface Sibling {
    void create(Path tmp) throws IOException;
  }

  /** Writes the temporary sibling's content. */
  @FunctionalInterface
  private interface Fill {
    void write(FileChannel channel) throws IOException;
  }

  /**
   * The one way a file is replaced: a temporary sibling ({@code .<name>.<uuid>.tmp}, what
   * {@link #removeLeftovers} knows) is made, filled, flushed to disk when asked, and renamed over
   * {@code target}; when anything fails the sibling is deleted and {@code target} is untouched.
   */
  private static void renameOver(Path target, Sibling create, Fill fill, boolean flush) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      create.create(tmp);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        fill.write(channel);
        if (flush) {
          channel.force(true);
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the target itself was never touched
        }
      }
    }
  }

  private static void keepOwner(Path tmp, PosixFileAttributes before) {
    try {
      PosixFileAttributes now = Files.readAttributes(tmp, PosixFileAttributes.class);
      if (!now.owner().equals(before.owner())) {
        Files.setOwner(tmp, before.owner());
      }
      if (!now.group().equals(before.group())) {
        Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(before.group());
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // only root may give a file away: an ordinary user's rewrite becomes theirs, as with any editor
    }
  }

  private static Optional<PosixFileAttributes> posixAttributes(Path file) {
    if (!posix()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAttributes(file, PosixFileAttributes.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /**
   * True when the path reaches a file descriptor of this process ({@code /dev/stdout},
   * {@code /dev/fd/1}, {@code /proc/self/fd/1}): whatever it points at, it is a stream that was
   * opened for us, so it is written through even when it is a redirected regular file.
   */
  private static boolean throughProcessDescriptor(Path path) {
    Path p = path;
    for (int i = 0; i < MAX_LINKS && p != null; i++) {
      if (p.startsWith("/proc") || parentUnderProc(p)) {
        return true;
      }
      if (!Files.isSymbolicLink(p)) {
        return false;
      }
      try {
        Path link = Files.readSymbolicLink(p);
        p = p.getParent() == null ? link : p.getParent().resolve(link).normalize();
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean parentUnderProc(Path p) {
    try {
      return p.getParent() != null && p.getParent().toRealPath().startsWith("/proc");
    } catch (IOException e) {
      return false;
    }
  }

  private static String linkText(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "an unreadable place";
    }
  }

  /** What a path is once links are followed. */
  enum Kind { ABSENT, REGULAR, DIRECTORY, FIFO, CHARACTER_DEVICE, BLOCK_DEVICE, SOCKET, OTHER }

  static Kind kindOf(Path path) {
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      return switch (((Integer) mode) & 0170000) {
        case 0100000 -> Kind.REGULAR;
        case 0040000 -> Kind.DIRECTORY;
        case 0010000 -> Kind.FIFO;
        case 0020000 -> Kind.CHARACTER_DEVICE;
        case 0060000 -> Kind.BLOCK_DEVICE;
        case 0140000 -> Kind.SOCKET;
        default -> Kind.OTHER;
      };
    } catch (NoSuchFileException e) {
      return Kind.ABSENT;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return plainKind(path);
    } catch (IOException e) {
      return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? plainKind(path) : Kind.ABSENT;
    }
  }

  private static Kind plainKind(Path path) {
    if (Files.isRegularFile(path)) {
      return Kind.REGULAR;
    }
    if (Files.isDirectory(path)) {
      return Kind.DIRECTORY;
    }
    return Files.exists(path) ? Kind.OTHER : Kind.ABSENT;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + e.getMessage();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
