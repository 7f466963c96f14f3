package dev.phoenix.verify.report;

import dev.phoenix.check.Ref;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import dev.phoenix.verify.DataReport;
import dev.phoenix.verify.EnvReport;
import dev.phoenix.verify.Interval;
import dev.phoenix.verify.RefUse;
import dev.phoenix.verify.RevisionResult;
import dev.phoenix.verify.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON document of docs/verify.md ("JSON report"), built from plain maps and lists. */
public final class JsonReport {
  /**
   * At most this many entries in a revision's {@code broken} and a reference's {@code commits}, each
   * with its full count beside it ({@code brokenCount}, {@code commitCount}): when a store is down,
   * every reference fails in every revision, and listing them all made the report grow with
   * revisions × references (37 MB for 450 revisions of 200 references; 5.6 GB of memory and
   * 296 s for 1,825 of 1,000). Every broken reference is still listed once, under
   * {@code references}.
   */
  public static final int LISTED = 20;

  private JsonReport() {}

  public static String render(VerifyResult result) {
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      write(result, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * {@link #render} streamed to {@code out}, one environment's part built at a time: a year of an
   * estate's report is over 100 MB, and building it whole, then as one string, took 650 MB.
   */
  public static void write(VerifyResult result, java.io.Writer out) throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, Object> field : head(result).entrySet()) {
        g.writeFieldName(field.getKey());
        Json.mapper().writeValue(g, field.getValue());
      }
      g.writeArrayFieldStart("environments");
      for (EnvReport e : result.environments()) {
        Json.mapper().writeValue(g, env(e));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write("\n");
    out.flush();
  }

  public static Map<String, Object> tree(VerifyResult r) {
    Map<String, Object> m = head(r);
    List<Object> envs = new ArrayList<>();
    r.environments().forEach(e -> envs.add(env(e)));
    m.put("environments", envs);
    return m;
  }

  /** Everything before {@code environments}. */
  private static Map<String, Object> head(VerifyResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", r.outcome().name());
    m.put("exitCode", ExitCode.of(r.outcome()));
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("asked", r.window().asked());
    window.put("headOnly", r.window().headOnly());
    window.put("from", text(r.window().from()));
    window.put("to", text(r.window().to()));
    m.put("window", window);
    m.put("deep", r.deep());
    m.put("strict", r.strict());
    if (r.region() != null) {
      m.put("region", r.region());
    }
    m.put("startedAt", r.startedAt().toString());
    m.put("durationMs", r.stats().elapsed().toMillis());
    m.put("readingMs", r.stats().reading().toMillis());
    m.put("checkingMs", r.stats().checking().toMillis());
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("environments", r.environments().size());
    counts.put("revisions", r.stats().revisions());
    counts.put("references", r.stats().uses());
    counts.put("unique", r.stats().unique());
    r.stats().byStatus().forEach((s, n) -> counts.put(s.name(), n));
    m.put("counts", counts);
    return m;
  }

  private static Map<String, Object> env(EnvReport e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environment", e.environment());
    if (e.region() != null) {
      m.put("region", e.region());
    }
    m.put("status", e.worst().name());
    m.put("summary", e.summary());
    List<Object> intervals = new ArrayList<>();
    for (Interval i : e.intervals()) {
      Map<String, Object> im = new LinkedHashMap<>();
      im.put("from", text(i.from()));
      im.put("to", text(i.to()));
      im.put("restorable", i.kind().name());
      im.put("revisions", i.revisions().stream().map(x -> x.revision().commit().id()).toList());
      im.put("causes", i.causes().stream().map(JsonReport::brief).toList());
      intervals.add(im);
    }
    m.put("intervals", intervals);
    List<Object> revisions = new ArrayList<>();
    for (RevisionResult rr : e.revisions()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("commit", rr.revision().commit().id());
      rm.put("committedAt", rr.revision().commit().committedAt().toString());
      rm.put("validUntil", text(rr.revision().validUntil()));
      rm.put("subject", rr.revision().commit().subject());
      rm.put("status", rr.status().name());
      rm.put("referenceCount", rr.revision().refs().size());
      rm.put("problems", rr.revision().problems().stream().map(Views::problem).toList());
      rm.put("warnings", rr.revision().warnings());
      rm.put("broken", rr.notOk().stream().limit(LISTED).map(JsonReport::brief).toList());
      rm.put("brokenCount", rr.notOk().size());
      revisions.add(rm);
    }
    m.put("revisions", revisions);
    List<Object> refs = new ArrayList<>();
    for (RefUse u : e.references()) {
      Map<String, Object> um = brief(u);
      um.put("kind", kind(u.ref()));
      um.put("store", u.ref().store());
      um.put("commits", u.commits().size() <= LISTED ? u.commits() : u.commits().subList(0, LISTED));
      um.put("commitCount", u.commits().size());
      refs.add(um);
    }
    m.put("references", refs);
    m.put("datastores", e.data().stream().map(JsonReport::data).toList());
    return m;
  }

  /** One datastore: its RPO, the stretches outside it, every backup of the window with its finding. */
  private static Map<String, Object> data(DataReport d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("datastore", d.datastore());
    m.put("backups", d.where());
    m.put("rpo", d.rpo().toString());
    m.put("status", d.worst().name());
    m.put("summary", d.summary());
    m.put("gaps", d.gaps().stream().map(g -> {
      Map<String, Object> gm = new LinkedHashMap<>();
      gm.put("from", text(g.from()));
      gm.put("to", text(g.to()));
      gm.put("status", g.status().name());
      gm.put("noBackupFor", text(g.noBackupFor()));
      gm.put("broken", g.broken().stream().map(c -> c.backup().object().id()).toList());
      return gm;
    }).toList());
    m.put("checked", d.backups().stream().map(c -> {
      Map<String, Object> bm = new LinkedHashMap<>();
      bm.put("ref", c.backup().object().id());
      bm.put("takenAt", c.backup().takenAt().toString());
      bm.put("takenFrom", c.backup().takenFrom());
      bm.put("sha256", c.backup().sha256());
      bm.put("status", c.finding().status().name());
      bm.put("reason", c.finding().reason());
      return bm;
    }).toList());
    return m;
  }

  private static Map<String, Object> brief(RefUse u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", u.ref().id());
    m.put("usedBy", u.usages());
    m.put("status", u.finding().status().name());
    m.put("reason", u.finding().reason());
    return m;
  }

  static String kind(Ref ref) {
    if (ref instanceof Ref.Image) {
      return "image";
    }
    if (ref instanceof Ref.S3Object) {
      return "s3-object";
    }
    if (ref instanceof Ref.Ami) {
      return "ami";
    }
    if (ref instanceof Ref.RdsSnapshot) {
      return "rds-snapshot";
    }
    if (ref instanceof Ref.DynamoBackup) {
      return "dynamodb-backup";
    }
    return ref instanceof Ref.Ssm ? "ssm-parameter" : "secret";
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
