package dev.phoenix.verify.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.check.Backup;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.report.Json;
import dev.phoenix.verify.DataReport;
import dev.phoenix.verify.RevisionStatus;
import dev.phoenix.verify.Shard;
import dev.phoenix.verify.ShardRun;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A shard's JSON report (docs/verify.md, "Beyond one machine"): the run it belongs to, its findings
 * by reference id, its counts; {@code phoenix verify --merge} reads them back. Format version
 * {@value #VERSION}; a file of another version is refused, never guessed at.
 */
public final class ShardJson {
  public static final int VERSION = 1;
  static final String MARK = "phoenixVerifyShard";

  private ShardJson() {}

  public static String render(ShardRun run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(MARK, VERSION);
    m.put("shard", run.shard().toString());
    ShardRun.Key k = run.key();
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("head", k.head());
    key.put("environments", k.environments());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("asked", k.asked());
    window.put("from", text(k.from()));
    window.put("to", text(k.to()));
    window.put("untilNow", k.untilNow());
    key.put("window", window);
    key.put("anchoredAt", k.now().toString());
    key.put("deep", k.deep());
    key.put("strict", k.strict());
    key.put("checkProtection", k.protection());
    key.put("shards", k.shards());
    m.put("run", key);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("revisions", run.revisions());
    counts.put("references", run.uses());
    counts.put("unique", run.unique());
    counts.put("checked", run.findings().size());
    Map<Status, Integer> by = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      by.put(s, 0);
    }
    run.findings().values().forEach(f -> by.merge(f.status(), 1, Integer::sum));
    by.forEach((s, n) -> counts.put(s.name(), n));
    m.put("counts", counts);
    m.put("durationMs", run.elapsed().toMillis());
    m.put("readingMs", run.reading().toMillis());
    m.put("checkingMs", run.checking().toMillis());
    m.put("findings", list(run.findings()));
    Map<String, Object> perEnv = new TreeMap<>();
    run.perEnvironment().forEach((env, f) -> perEnv.put(env, list(f)));
    m.put("perEnvironment", perEnv);
    Map<String, Object> data = new TreeMap<>();
    run.data().forEach((env, reports) -> data.put(env, reports.stream().map(ShardJson::data).toList()));
    m.put("data", data);
    return Json.write(m) + "\n";
  }

  /** One line a person reads: which shard, how much it checked, what to do next. */
  public static String summary(ShardRun run) {
    return "verify: shard " + run.shard() + " checked " + run.findings().size() + " of " + run.unique()
        + " unique references (" + run.revisions() + " revisions read); the run's verdict comes from "
        + "phoenix verify --merge with every shard's JSON report\n";
  }

  private static List<Object> list(Map<String, Finding> findings) {
    List<Object> out = new ArrayList<>();
    new TreeMap<>(findings).forEach((id, f) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("ref", id);
      e.put("status", f.status().name());
      e.put("reason", f.reason());
      out.add(e);
    });
    return out;
  }

  /** Reads a shard report; {@code name} (the file) is named in every problem. */
  public static ShardRun read(String name, String text) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (IOException e) {
      throw bad(name, "is not JSON");
    }
    if (root == null || !root.isObject() || !root.has(MARK)) {
      throw bad(name, "is not a shard report (no \"" + MARK + "\"; a whole run's report cannot be merged)");
    }
    if (root.get(MARK).asInt(-1) != VERSION) {
      throw bad(name, "is a shard report of format " + root.get(MARK) + "; this Phoenix reads format " + VERSION);
    }
    try {
      String[] sh = field(root, "shard", name).asText().split("/", -1);
      Shard shard = new Shard(Integer.parseInt(sh[0]), Integer.parseInt(sh[1]));
      JsonNode run = field(root, "run", name);
      JsonNode window = field(run, "window", name);
      List<String> envs = new ArrayList<>();
      field(run, "environments", name).forEach(e -> envs.add(e.asText()));
      ShardRun.Key key = new ShardRun.Key(field(run, "head", name).asText(), envs, instant(window.get("from")),
          instant(window.get("to")), field(window, "asked", name).asText(), field(window, "untilNow", name).asBoolean(),
          Instant.parse(field(run, "anchoredAt", name).asText()), field(run, "deep", name).asBoolean(),
          field(run, "strict", name).asBoolean(), field(run, "checkProtection", name).asBoolean(),
          field(run, "shards", name).asInt());
      JsonNode counts = field(root, "counts", name);
      Map<String, Map<String, Finding>> perEnv = new LinkedHashMap<>();
      field(root, "perEnvironment", name).fields()
          .forEachRemaining(e -> perEnv.put(e.getKey(), findings(e.getValue(), name)));
      Map<String, List<DataReport>> data = new LinkedHashMap<>();
      root.path("data").fields().forEachRemaining(e -> {
        List<DataReport> reports = new ArrayList<>();
        e.getValue().forEach(r -> reports.add(data(e.getKey(), r, name)));
        data.put(e.getKey(), reports);
      });
      return new ShardRun(shard, key, findings(field(root, "findings", name), name), perEnv,
          field(counts, "revisions", name).asInt(), field(counts, "references", name).asInt(),
          field(counts, "unique", name).asInt(), Duration.ofMillis(root.path("durationMs").asLong()),
          Duration.ofMillis(root.path("readingMs").asLong()), Duration.ofMillis(root.path("checkingMs").asLong()), data);
    } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException
        | NullPointerException e) {
      throw bad(name, "has an unreadable field (" + e.getMessage() + ")");
    } catch (PhoenixException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(name)) {
        throw e;
      }
      throw bad(name, "names an impossible shard (" + e.getMessage() + ")");
    }
  }

  /** A datastore's coverage as the first shard assessed it (every field, so the merge rebuilds it exactly). */
  private static Map<String, Object> data(DataReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("datastore", r.datastore());
    m.put("where", r.where());
    m.put("rpo", r.rpo().toString());
    m.put("backups", r.backups().stream().map(ShardJson::checked).toList());
    List<Object> gaps = new ArrayList<>();
    for (DataReport.Gap g : r.gaps()) {
      Map<String, Object> gap = new LinkedHashMap<>();
      gap.put("from", g.from().toString());
      gap.put("to", text(g.to()));
      gap.put("noBackupFor", text(g.noBackupFor()));
      gap.put("status", g.status().name());
      gap.put("broken", g.broken().stream().map(ShardJson::checked).toList());
      gaps.add(gap);
    }
    m.put("gaps", gaps);
    m.put("worst", r.worst().name());
    m.put("summary", r.summary());
    return m;
  }

  private static Map<String, Object> checked(DataReport.Checked c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c.backup().object() instanceof Ref.S3Object o) {
      m.put("bucket", o.bucket());
      m.put("key", o.key());
      m.put("versionId", o.versionId());
      m.put("sha256", o.sha256());
    } else {
      m.put("arn", c.backup().object().id()); // an RDS snapshot or a DynamoDB backup: its ARN is all of it
    }
    m.put("takenAt", c.backup().takenAt().toString());
    m.put("takenFrom", c.backup().takenFrom());
    m.put("bytes", c.backup().bytes());
    m.put("status", c.finding().status().name());
    m.put("reason", c.finding().reason());
    return m;
  }

  private static DataReport data(String env, JsonNode r, String name) {
    List<DataReport.Checked> backups = new ArrayList<>();
    field(r, "backups", name).forEach(b -> backups.add(checked(b, name)));
    List<DataReport.Gap> gaps = new ArrayList<>();
    for (JsonNode g : field(r, "gaps", name)) {
      List<DataReport.Checked> broken = new ArrayList<>();
      field(g, "broken", name).forEach(b -> broken.add(checked(b, name)));
      JsonNode age = g.get("noBackupFor");
      gaps.add(new DataReport.Gap(Instant.parse(field(g, "from", name).asText()), instant(g.get("to")),
          age == null || age.isNull() ? null : Duration.parse(age.asText()),
          RevisionStatus.valueOf(field(g, "status", name).asText()), broken));
    }
    return new DataReport(env, field(r, "datastore", name).asText(), field(r, "where", name).asText(),
        Duration.parse(field(r, "rpo", name).asText()), backups, gaps,
        RevisionStatus.valueOf(field(r, "worst", name).asText()), field(r, "summary", name).asText());
  }

  private static DataReport.Checked checked(JsonNode b, String name) {
    Ref object;
    if (b.hasNonNull("arn")) {
      String arn = b.get("arn").asText();
      try {
        object = arn.matches("arn:[^:]+:rds:.*") ? new Ref.RdsSnapshot(arn)
            : new Ref.DynamoBackup(arn);
      } catch (IllegalArgumentException e) {
        throw bad(name, "has a backup whose arn is neither an RDS snapshot's nor a DynamoDB backup's");
      }
    } else {
      object = new Ref.S3Object(field(b, "bucket", name).asText(), field(b, "key", name).asText(),
          nullable(b.get("versionId")), nullable(b.get("sha256")));
    }
    return new DataReport.Checked(new Backup(object, Instant.parse(field(b, "takenAt", name).asText()),
        nullable(b.get("takenFrom")), b.path("bytes").asLong()),
        new Finding(Status.valueOf(field(b, "status", name).asText()), nullable(b.get("reason"))));
  }

  private static String nullable(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Map<String, Finding> findings(JsonNode list, String name) {
    Map<String, Finding> out = new LinkedHashMap<>();
    if (!list.isArray()) {
      throw bad(name, "has findings that are not a list");
    }
    for (JsonNode f : list) {
      String ref = field(f, "ref", name).asText();
      Finding finding = new Finding(Status.valueOf(field(f, "status", name).asText()), field(f, "reason", name).asText());
      if (out.put(ref, finding) != null) {
        throw bad(name, "has two findings for " + ref);
      }
    }
    return out;
  }

  private static JsonNode field(JsonNode node, String field, String name) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() && !field.equals("from") && !field.equals("to")) {
      throw bad(name, "has no \"" + field + "\"");
    }
    return v;
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  private static PhoenixException bad(String name, String what) {
    return PhoenixException.input(name + " " + what,
        "give the JSON reports the shards of one run wrote (phoenix verify --shard I/N --report json:FILE)");
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
