package dev.phoenix.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code environments/<env>/mirrors.ledger}: one line per source reference and mirror region, the
 * copy's locator and checksum (docs/regions.md). Git history is immutable, so copies made today for
 * a revision of August are recorded here, not in August's lockfile; a rebuild in a mirror region
 * reads the lockfile as of its date and the newest ledger.
 */
public record MirrorLedger(List<Entry> entries) {
  public static final String HEADER = "phoenix-mirror-ledger/v1";

  public MirrorLedger {
    entries = List.copyOf(entries);
  }

  public static String path(String environment) {
    return "environments/" + environment + "/mirrors.ledger";
  }

  /**
   * What was copied. {@code checksum}: "sha256:<hex>" where the copy has one, else "-". {@code DUMP}:
   * a datastore's S3 dump (object version); {@code RDS}: a datastore's RDS DB snapshot. Both carry
   * the attributes {@code taken} (when the backup was taken) and {@code of} (the datastore's backups,
   * as {@code Datastore.Backups.describe()}). {@code DYNAMODB}: a DynamoDB on-demand backup, which
   * cannot be copied to another region without AWS Backup: a mirror run names it, the ledger never
   * holds it (the reader refuses such a line).
   */
  public enum Kind { IMAGE, S3, SSM, SECRET, AMI, DUMP, RDS, DYNAMODB;

    /** The word in the ledger: {@code image}, {@code s3}, …, {@code dump}, {@code rds}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether lines of this kind are a datastore's backups (attributes {@code taken} and {@code of} required). */
    public boolean backup() {
      return this == DUMP || this == RDS || this == DYNAMODB;
    }
  }

  /** Attribute: when a backup was taken (ISO-8601 UTC), as its store said in the source region. */
  public static final String TAKEN = "taken";
  /** Attribute: which datastore backups a backup belongs to ({@code s3://bucket/prefix}, {@code rds:instance}). */
  public static final String OF = "of";
  /** Attribute: how a secret reached the region: {@code replica} (Secrets Manager replication) or {@code copy}. */
  public static final String VIA = "via";

  /**
   * One copy: {@code source} is the reference's id as verify prints it ({@code host/repo@sha256:…},
   * {@code s3://b/k?versionId=…}, {@code ssm:/name:7}, {@code secret:id@version}, {@code ami-… (region)}),
   * {@code copy} the copy's locator in {@code region}. {@code line}: 1-based, 0 when not read from a file.
   * {@code attributes}: the line's optional {@code name=value} fields after the six ({@link #TAKEN},
   * {@link #OF}, {@link #VIA}), in the file's order.
   */
  public record Entry(String region, Kind kind, String source, String copy, String checksum, Instant at, int line,
      Map<String, String> attributes) {
    public Entry {
      attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Entry(String region, Kind kind, String source, String copy, String checksum, Instant at, int line) {
      this(region, kind, source, copy, checksum, at, line, Map.of());
    }

    public String key() {
      return region + " " + source;
    }

    /** The attribute {@code name}, if the line has it. */
    public Optional<String> attribute(String name) {
      return Optional.ofNullable(attributes.get(name));
    }

    /** When the backup was taken, for {@link Kind#backup()} lines (validated by the reader). */
    public Optional<Instant> taken() {
      try {
        return attribute(TAKEN).map(Instant::parse);
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /** Newest entry per (region, source). */
  public Map<String, Entry> byKey() {
    Map<String, Entry> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.key(), e));
    return out;
  }

  public Optional<Entry> find(String region, String source) {
    Entry found = null;
    for (Entry e : entries) {
      if (e.region().equals(region) && e.source().equals(source)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  public static MirrorLedger empty() {
    return new MirrorLedger(List.of());
  }

  /** The whole file: a comment, the header line, one line per entry. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Phoenix mirror ledger (docs/regions.md): REGION KIND SOURCE COPY CHECKSUM AT [NAME=VALUE…]\n");
    out.append(HEADER).append('\n');
    for (Entry e : entries) {
      out.append(escape(e.region())).append(' ').append(e.kind().word())
          .append(' ').append(escape(e.source())).append(' ').append(escape(e.copy())).append(' ')
          .append(escape(e.checksum())).append(' ').append(e.at());
      e.attributes().forEach((k, v) -> out.append(' ').append(k).append('=').append(escape(v)));
      out.append('\n');
    }
    return out.toString();
  }

  /** Spaces, control characters and '%' as %XX, so a field never holds a separator; see {@link #unescape}. */
  public static String escape(String field) {
    StringBuilder out = new StringBuilder();
    field.codePoints().forEach(c -> {
      if (c <= 0x20 || c == 0x7f || c == '%' || (c >= 0x80 && c <= 0x9f)) {
        out.append('%').append(String.format("%02X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** The field as it was before {@link #escape}; empty when a '%' is not followed by two hex digits. */
  public static Optional<String> unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 2 >= field.length()) {
        return Optional.empty();
      }
      try {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        return Optional.empty();
      }
      i += 2;
    }
    return Optional.of(out.toString());
  }
}
