package dev.phoenix.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.UnderRoot;
import dev.phoenix.model.NameRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The drill records of a repository: {@code <dir>/<env>/<yyyyMMdd'T'HHmmss'Z'>-<id>.json}. */
public final class DrillRecords {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;

  /** @param dir the {@code drills/} directory (usually at the repository root) */
  public DrillRecords(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Writes the record atomically; returns its file. */
  public Path write(DrillRecord record) {
    NameRules.ENVIRONMENT.require(record.environment(), "drill record");
    if (record.id() == null || !record.id().matches("[A-Za-z0-9][A-Za-z0-9-]{0,63}")) {
      throw new IllegalStateException("a drill record id must be letters, digits and '-', got " + NameRules.quoted(record.id()));
    }
    Path file = UnderRoot.resolve(dir, record.environment(),
        STAMP.format(Instant.parse(record.startedAt())) + "-" + record.id() + ".json");
    try {
      AtomicFiles.write(file, JSON.writeValueAsString(record) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write drill record: " + e.getMessage(), e);
    }
    return file;
  }

  public static DrillRecord read(Path file) {
    try {
      return JSON.readValue(file.toFile(), DrillRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read drill record " + file + ": " + e.getMessage(), e);
    }
  }

  /** A record's time stamp; a missing or hand-broken one sorts as the oldest. */
  private static Instant at(String iso) {
    try {
      return iso == null ? Instant.MIN : Instant.parse(iso);
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.MIN;
    }
  }

  /** Every record of {@code environment}, newest first; unreadable files are skipped and named. */
  public Listing list(String environment) {
    NameRules.ENVIRONMENT.require(environment, "--env");
    Path envDir = UnderRoot.resolve(dir, environment);
    List<DrillRecord> records = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    if (Files.isDirectory(envDir)) {
      try (Stream<Path> files = Files.list(envDir)) {
        for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
          if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            unreadable.add(f + " (not a regular file: links are not followed)");
            continue;
          }
          try {
            records.add(read(f));
          } catch (UncheckedIOException e) {
            unreadable.add(f.toString());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + envDir + ": " + e.getMessage(), e);
      }
    }
    // newest first, by time, not by text: Instant.toString() drops a zero fraction ("…:01Z"), which
    // sorts after "…:01.120Z"; runs started in the same millisecond go by when they finished
    records.sort(Comparator.comparing((DrillRecord r) -> at(r.startedAt()))
        .thenComparing(r -> at(r.finishedAt())).reversed());
    return new Listing(List.copyOf(records), List.copyOf(unreadable));
  }

  public record Listing(List<DrillRecord> records, List<String> unreadable) {}
}
