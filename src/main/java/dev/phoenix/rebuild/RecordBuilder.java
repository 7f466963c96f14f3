package dev.phoenix.rebuild;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.Durations;
import dev.phoenix.core.Version;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Collects what a rebuild did into a value-free {@link DrillRecord}. */
final class RecordBuilder {
  private final RebuildRequest request;
  private final String target;
  private final Instant startedAt;
  private final long startNanos;
  private final boolean applies;
  private final String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private Resolved resolved;
  private Preflight.Result preflight;
  private Prepared prepared;
  private Deployed deployed;
  private final List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, DrillRecord.DataUsed> data = new java.util.LinkedHashMap<>();

  RecordBuilder(RebuildRequest request, String target, boolean applies, Instant startedAt, long startNanos) {
    this.request = request;
    this.target = target;
    this.applies = applies;
    this.startedAt = startedAt;
    this.startNanos = startNanos;
  }

  /** The record's id, fixed for the whole rebuild (targets label what they create with it). */
  String id() {
    return id;
  }

  void resolved(Resolved r) {
    resolved = r;
  }

  void preflight(Preflight.Result p) {
    preflight = p;
  }

  void prepared(Prepared p) {
    prepared = p;
  }

  void deployed(Deployed d) {
    deployed = d;
  }

  /** Something the target started or created (value-free), for the record's {@code started}. */
  void started(String what) {
    started.add(what);
  }

  /** A datastore's data as chosen or restored; a later word on the same datastore replaces the earlier. */
  void data(DrillRecord.DataUsed used) {
    synchronized (data) {
      data.put(used.datastore(), used);
    }
  }

  List<DrillRecord.DataUsed> data() {
    synchronized (data) {
      return List.copyOf(data.values());
    }
  }

  List<String> started() {
    synchronized (started) {
      return List.copyOf(started);
    }
  }

  DrillRecord build(RebuildOutcome outcome, String reason, List<PhaseTiming> timings) {
    List<DrillRecord.Phase> phases = new ArrayList<>();
    for (PhaseTiming t : timings) {
      phases.add(new DrillRecord.Phase(t.phase(), t.duration().toMillis(), t.status(), t.summary()));
    }
    List<DrillRecord.PreflightIssue> issues = new ArrayList<>();
    if (preflight != null) {
      for (Map.Entry<Ref, Finding> e : preflight.findings().entrySet()) {
        if (e.getValue().status() != dev.phoenix.check.Status.OK) {
          issues.add(new DrillRecord.PreflightIssue(e.getKey().id(), e.getValue().status().name(),
              e.getValue().reason()));
        }
      }
    }
    Lockfile lock = resolved == null ? null : resolved.estate().lockfile();
    return new DrillRecord(DrillRecord.SCHEMA,
        id,
        request.environment(), target, who(), startedAt.toString(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), request.at(),
        resolved == null ? null : resolved.revision().asked().explain(),
        resolved == null ? null : resolved.commit(),
        resolved == null ? null : resolved.revision().commit().committedAt().toString(),
        Version.current(), applies ? "apply" : "plan", outcome.word(), reason,
        Durations.since(startNanos).toMillis(), phases,
        lock == null ? List.of() : artefacts(lock), lock == null ? List.of() : config(lock),
        prepared == null ? List.of() : prepared.materialized(),
        deployed == null ? List.of() : deployed.stacks(), issues, started(),
        prepared == null ? data() : java.util.stream.Stream.concat(prepared.datastores().stream(), data().stream()).toList(), region());
  }

  /** The mirror region whose copies were used, else the --region flag, else null. */
  private String region() {
    if (resolved != null && resolved.region() != null) {
      return resolved.region().name();
    }
    return request.targetFlags().get("region");
  }

  static List<DrillRecord.ArtefactUsed> artefacts(Lockfile lock) {
    List<DrillRecord.ArtefactUsed> out = new ArrayList<>();
    for (Artefact a : lock.artefacts().values()) {
      if (a instanceof Artefact.ContainerImage c) {
        out.add(new DrillRecord.ArtefactUsed(a.name(), a.type(), a.version(),
            c.image().digestReference(), null));
      } else if (a instanceof Artefact.LambdaPackage l) {
        out.add(new DrillRecord.ArtefactUsed(a.name(), a.type(), a.version(), l.s3().uri(), l.s3().sha256()));
      } else if (a instanceof Artefact.MachineImage m) {
        out.add(new DrillRecord.ArtefactUsed(a.name(), a.type(), a.version(), m.ami() + " (" + m.region() + ")",
            null));
      }
    }
    return out;
  }

  static List<DrillRecord.ConfigUsed> config(Lockfile lock) {
    List<DrillRecord.ConfigUsed> out = new ArrayList<>();
    lock.config().forEach((block, vars) -> vars.forEach((name, source) -> {
      if (source instanceof ConfigSource.SsmParameter p) {
        out.add(new DrillRecord.ConfigUsed(block, name, "ssm", p.name(), Long.toString(p.version())));
      } else if (source instanceof ConfigSource.SecretVersion s) {
        out.add(new DrillRecord.ConfigUsed(block, name, "secret", s.secretId(), s.versionId()));
      } else if (source instanceof ConfigSource.DatastoreAddress d) {
        out.add(new DrillRecord.ConfigUsed(block, name, "datastore", d.datastore(), null));
      } else {
        out.add(new DrillRecord.ConfigUsed(block, name, "value", null, null));
      }
    }));
    return out;
  }

  private static String who() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return System.getProperty("user.name") + "@" + host;
  }
}
