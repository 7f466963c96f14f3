package dev.phoenix.lockfile;

import dev.phoenix.core.Durations;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.Datastore.Backups;
import dev.phoenix.model.Datastore.DynamoDbBackups;
import dev.phoenix.model.Datastore.DbEngine;
import dev.phoenix.model.Datastore.RestoreProbe;
import dev.phoenix.model.Datastore.RdsSnapshots;
import dev.phoenix.model.Datastore.S3Dumps;
import dev.phoenix.model.NameRules;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.MapNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One entry of a blueprint's {@code datastores:} list (docs/lockfile.md, Datastores). */
final class DatastoreReader {
  private static final Set<String> FIELDS = Set.of("name", "engine", "image", "backups", "rpo", "probe");
  private static final Set<String> BACKUP_KINDS = Set.of("s3", "rds", "dynamodb");
  private static final Set<String> S3 = Set.of("bucket", "prefix");
  private static final Set<String> PROBE = Set.of("sql", "min");
  /** Which backup forms each engine restores from. */
  private static final Map<DbEngine, Set<String>> FORMS = Map.of(
      DbEngine.POSTGRES, Set.of("s3", "rds"),
      DbEngine.DYNAMODB, Set.of("dynamodb"));
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern RDS_INSTANCE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  /** One statement reading a count: no statement separator, no comments that could hide a second one. */
  private static final Pattern PROBE_SQL = Pattern.compile("(?is)\\s*select\\s[^;]*");

  private DatastoreReader() {}

  static Datastore read(Fields f, MapNode m, String p) {
    f.onlyKnown(m, p, FIELDS);
    String name = f.name(m, "name", p, true, NameRules.MEMBER);
    String engineWord = f.text(m, "engine", p, true);
    DbEngine engine = null;
    if (engineWord != null) {
      engine = DbEngine.of(engineWord).orElse(null);
      if (engine == null) {
        f.problem(Fields.lineOf(m, "engine"), p + ".engine '" + engineWord + "' is not an engine Phoenix restores",
            "write one of: " + Arrays.stream(DbEngine.values()).map(DbEngine::word).collect(Collectors.joining(", ")));
      }
    }
    String image = f.text(m, "image", p, engine == DbEngine.POSTGRES);
    Backups backups = backups(f, m, p, engine);
    Duration rpo = null;
    String rpoText = f.text(m, "rpo", p, true);
    if (rpoText != null) {
      rpo = Durations.parse(rpoText).filter(d -> !d.isZero()).orElse(null);
      if (rpo == null) {
        f.problem(Fields.lineOf(m, "rpo"), p + ".rpo '" + rpoText + "' is not a duration",
            "write the data loss this environment accepts as a number and a unit, e.g. rpo: 24h (units s, m, h, d, w)");
      }
    }
    RestoreProbe probe = probe(f, m, p, engine);
    if (name == null || engine == null || backups == null || rpo == null || probe == null
        || (engine == DbEngine.POSTGRES && image == null)) {
      return null;
    }
    return new Datastore(name, engine, image, backups, rpo, probe);
  }

  private static Backups backups(Fields f, MapNode m, String p, DbEngine engine) {
    var entry = f.entry(m, "backups", p, true);
    if (entry.isEmpty()) {
      return null;
    }
    String path = p + ".backups";
    var node = f.map(entry.get().value(), path);
    if (node.isEmpty()) {
      return null;
    }
    MapNode b = node.get();
    f.onlyKnown(b, path, BACKUP_KINDS);
    List<Entry> kinds = b.entries().values().stream().filter(e -> BACKUP_KINDS.contains(e.key())).toList();
    if (kinds.size() != 1) {
      f.problem(b.line(), path + " must have exactly one of s3, rds or dynamodb",
          "write {s3: {bucket: B, prefix: P/}}, {rds: {instance: I}} or {dynamodb: {table: T}}");
      return null;
    }
    Entry kind = kinds.get(0);
    if (engine != null && !FORMS.get(engine).contains(kind.key())) {
      f.problem(kind.keyLine(), path + "." + kind.key() + " backups cannot be restored into a " + engine.word()
          + " datastore", "a " + engine.word() + " datastore takes " + String.join(" or ", FORMS.get(engine).stream().sorted().toList())
          + " backups");
      return null;
    }
    String kp = path + "." + kind.key();
    var inner = f.map(kind.value(), kp);
    if (inner.isEmpty()) {
      return null;
    }
    MapNode k = inner.get();
    switch (kind.key()) {
      case "s3" -> {
        f.onlyKnown(k, kp, S3);
        String bucket = checked(f, k, "bucket", kp, BUCKET, "an S3 bucket name (3–63 of a-z, 0-9, '.', '-')");
        String prefix = k.entries().containsKey("prefix") ? f.text(k, "prefix", kp, false) : "";
        if (prefix != null && prefix.startsWith("/")) {
          f.problem(Fields.lineOf(k, "prefix"), kp + ".prefix '" + prefix + "' starts with '/': S3 keys do not",
              "write it without the leading slash, e.g. prefix: ledger-db/");
          return null;
        }
        return bucket == null || prefix == null ? null : new S3Dumps(bucket, prefix);
      }
      case "rds" -> {
        f.onlyKnown(k, kp, Set.of("instance"));
        String instance = checked(f, k, "instance", kp, RDS_INSTANCE,
            "an RDS DB instance identifier (a letter, then letters, digits and '-', at most 63)");
        return instance == null ? null : new RdsSnapshots(instance);
      }
      default -> {
        f.onlyKnown(k, kp, Set.of("table"));
        String table = checked(f, k, "table", kp, TABLE, "a DynamoDB table name (3–255 of A-Z, a-z, 0-9, '_', '.', '-')");
        return table == null ? null : new DynamoDbBackups(table);
      }
    }
  }

  private static RestoreProbe probe(Fields f, MapNode m, String p, DbEngine engine) {
    var entry = f.entry(m, "probe", p, true);
    if (entry.isEmpty()) {
      return null;
    }
    String path = p + ".probe";
    var node = f.map(entry.get().value(), path);
    if (node.isEmpty()) {
      return null;
    }
    MapNode probe = node.get();
    f.onlyKnown(probe, path, PROBE);
    Long min = f.number(probe, "min", path, false, 0, Long.MAX_VALUE);
    if (engine == DbEngine.DYNAMODB) {
      if (probe.entries().containsKey("sql")) {
        f.problem(Fields.lineOf(probe, "sql"), path + ".sql on a dynamodb datastore: its probe is the table's item count",
            "drop sql and keep min: N");
        return null;
      }
      return new RestoreProbe(null, min == null ? 1 : min);
    }
    String sql = f.text(probe, "sql", path, true);
    if (sql != null && (!PROBE_SQL.matcher(sql).matches() || sql.contains("--") || sql.contains("/*"))) {
      f.problem(Fields.lineOf(probe, "sql"), path + ".sql must be one select statement returning a count",
          "write e.g. sql: \"select count(*) from entries\" (no ';', no comments): the drill prints only the count");
      return null;
    }
    if (sql == null || (probe.entries().containsKey("min") && min == null)) {
      return null;
    }
    return new RestoreProbe(sql.strip(), min == null ? 1 : min);
  }

  private static String checked(Fields f, MapNode m, String key, String path, Pattern rule, String what) {
    String value = f.text(m, key, path, true);
    if (value != null && !rule.matcher(value).matches()) {
      f.problem(Fields.lineOf(m, key), path + "." + key + " '" + value + "' is not " + what, "fix the name");
      return null;
    }
    return value;
  }
}
