package dev.phoenix.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.UnderRoot;
import dev.phoenix.model.NameRules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * One rebuild at a time per (environment, target): a lock file
 * {@code <stateDir>/locks/<environment>/<target>.lock}, created atomically ({@code CREATE_NEW}) and
 * holding who took it (user@host, pid, start time). A second {@link #acquire} fails with an
 * exception naming the holder. {@link #close} removes the file, but only while it is still this
 * acquisition's (same token).
 *
 * <p>Stale locks are never broken automatically: a holder on another host cannot be checked from
 * here. When the holder ran on this host and its process is gone, the message says the lock looks
 * stale. Either way a person removes it with {@link #forceUnlock} (the CLI's
 * {@code --force-unlock}), after making sure no rebuild is running.
 */
public final class RebuildLock implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final LockHolder holder;
  private boolean released;

  private RebuildLock(Path file, LockHolder holder) {
    this.file = file;
    this.holder = holder;
  }

  /** Where the lock of (environment, target) lives. */
  public static Path fileOf(Path stateDir, String environment, String target) {
    return UnderRoot.resolve(stateDir, "locks", safe(environment), safe(target) + ".lock");
  }

  public static RebuildLock acquire(Path stateDir, String environment, String target)
      throws RebuildLockException {
    Path file = fileOf(stateDir, environment, target);
    String host = thisHost();
    LockHolder me = new LockHolder(System.getProperty("user.name"), host, ProcessHandle.current().pid(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID().toString());
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC)) {
        out.write(render(me).getBytes(StandardCharsets.UTF_8));
      }
      return new RebuildLock(file, me);
    } catch (FileAlreadyExistsException e) {
      Optional<LockHolder> holder = read(file);
      String who = holder.map(LockHolder::describe).orElse("an unknown holder (lock file unreadable or being written)");
      String stale = holder.filter(h -> h.isStaleOn(host)).isPresent()
          ? " That process is no longer running on this host: the lock looks stale."
          : "";
      throw new RebuildLockException("environment " + environment + " target " + target
          + " is already being rebuilt by " + who + " (lock " + file + ")." + stale
          + " If no rebuild is running, remove the lock with --force-unlock.", file, holder.orElse(null), e);
    } catch (IOException e) {
      throw new RebuildLockException("cannot create lock " + file + ": " + e.getMessage(), file, null, e);
    }
  }

  /** Who holds the lock of (environment, target) now, if anyone (and the file is readable). */
  public static Optional<LockHolder> holder(Path stateDir, String environment, String target) {
    return read(fileOf(stateDir, environment, target));
  }

  /** Removes the lock whoever holds it; returns who held it, if the file was readable. */
  public static Optional<LockHolder> forceUnlock(Path stateDir, String environment, String target) {
    Path file = fileOf(stateDir, environment, target);
    Optional<LockHolder> holder = read(file);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove lock " + file + ": " + e.getMessage(), e);
    }
    return holder;
  }

  public LockHolder holder() {
    return holder;
  }

  public Path file() {
    return file;
  }

  /** Releases the lock, unless it was force-unlocked and taken by someone else meanwhile. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    if (read(file).map(h -> h.token().equals(holder.token())).orElse(false)) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove lock " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static String render(LockHolder h) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("user", h.user());
    node.put("host", h.host());
    node.put("pid", h.pid());
    node.put("startedAt", h.startedAt().toString());
    node.put("token", h.token());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
  }

  private static Optional<LockHolder> read(Path file) {
    try {
      JsonNode node = JSON.readTree(Files.readString(file));
      if (node == null || !node.hasNonNull("token")) {
        return Optional.empty();
      }
      return Optional.of(new LockHolder(node.path("user").asText("?"), node.path("host").asText("?"),
          node.path("pid").asLong(-1), Instant.parse(node.path("startedAt").asText()), node.path("token").asText()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // half-written or foreign content: holder unknown
    }
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }

  private static String safe(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw PhoenixException.input("'" + name + "' cannot name a rebuild lock file",
          "environment names are " + NameRules.ENVIRONMENT.rule());
    }
    return name;
  }
}
