package dev.phoenix.verify.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.report.Json;
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
      return new ShardRun(shard, key, findings(field(root, "findings", name), name), perEnv,
          field(counts, "revisions", name).asInt(), field(counts, "references", name).asInt(),
          field(counts, "unique", name).asInt(), Duration.ofMillis(root.path("durationMs").asLong()),
          Duration.ofMillis(root.path("readingMs").asLong()), Duration.ofMillis(root.path("checkingMs").asLong()));
    } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw bad(name, "has an unreadable field (" + e.getMessage() + ")");
    } catch (PhoenixException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(name)) {
        throw e;
      }
      throw bad(name, "names an impossible shard (" + e.getMessage() + ")");
    }
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
