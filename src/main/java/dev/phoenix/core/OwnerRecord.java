package dev.phoenix.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The owner record beside a {@link FileLock}'s lock file: a small JSON object naming the holder
 * (user, host, pid and its start time, command, since when, the acquisition's token), written
 * atomically through {@link AtomicFiles}. Never follows a link, never reads more than a few KiB.
 */
final class OwnerRecord {
  static final int MAX_BYTES = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private OwnerRecord() {}

  /** Where the owner record of {@code lockFile} lives: {@code <lockFile>.owner}. */
  static Path of(Path lockFile) {
    return lockFile.resolveSibling(lockFile.getFileName() + ".owner");
  }

  static void write(Path record, LockHolder h) {
    refuseOddFile(record, "an owner record");
    ObjectNode node = JSON.createObjectNode();
    node.put("user", h.user());
    node.put("host", h.host());
    node.put("pid", h.pid());
    if (h.processStarted() != null) {
      node.put("processStarted", h.processStarted().toString());
    }
    node.put("command", h.command());
    node.put("startedAt", h.startedAt().toString());
    node.put("token", h.token());
    try {
      AtomicFiles.write(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the lock owner record " + record + ": " + e.getMessage(), e);
    }
  }

  /** The holder the record names; empty when there is none, or it is unreadable (half-written, foreign). */
  static Optional<LockHolder> read(Path record) {
    return readSmall(record).flatMap(OwnerRecord::parse);
  }

  private static Optional<LockHolder> parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.hasNonNull("token")) {
        return Optional.empty();
      }
      String started = node.path("processStarted").asText("");
      return Optional.of(new LockHolder(node.path("user").asText("?"), node.path("host").asText("?"),
          node.path("pid").asLong(-1), started.isEmpty() ? null : Instant.parse(started),
          node.hasNonNull("command") ? node.path("command").asText() : null,
          Instant.parse(node.path("startedAt").asText()), node.path("token").asText()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A small regular file's text (not through a link); empty when absent, odd or too large. */
  static Optional<String> readSmall(Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      return bytes.length > MAX_BYTES ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Refuses a path that exists and is not a regular file (a link, a pipe, a directory): Phoenix never follows it. */
  static void refuseOddFile(Path path, String what) {
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, path + " should be " + what + " but is "
          + (Files.isSymbolicLink(path) ? "a symbolic link" : "not a regular file") + "; Phoenix does not follow or replace it",
          "remove " + path + " (after making sure no Phoenix is running), then run again");
    }
  }
}
