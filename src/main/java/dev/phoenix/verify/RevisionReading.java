package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.core.EntryCodec;
import dev.phoenix.core.Problem;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.Digest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code verify} and {@code protect} need from one revision's files: every reference it pins
 * with where it is used, and every problem found. Kept in the repository's read cache under the
 * revision's blobs (kind {@value #KIND}): references, problems and the datastores the blueprints
 * declare, never a value of a store.
 */
record RevisionReading(Map<Ref, List<String>> refs, List<Problem> problems, List<Datastore> datastores) {
  static final String KIND = "reading";

  /** This reading with its references and uses made canonical (itself when they already are). */
  RevisionReading in(Canonical canonical) {
    Map<Ref, List<String>> made = canonical.of(refs);
    return made == refs ? this : new RevisionReading(made, problems, datastores);
  }

  byte[] encode() {
    EntryCodec.Out out = new EntryCodec.Out();
    out.integer(refs.size());
    refs.forEach((ref, uses) -> writeUse(out, ref, uses));
    writeRest(out);
    return out.bytes();
  }

  static RevisionReading decode(byte[] payload) {
    EntryCodec.In in = new EntryCodec.In(payload);
    int n = in.count();
    Map<Ref, List<String>> refs = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
    for (int i = 0; i < n; i++) {
      Ref ref = readRef(in);
      refs.put(ref, readUses(in));
    }
    RevisionReading reading = readRest(in, refs);
    in.end();
    return reading;
  }

  /** A reference and where it is used. */
  static void writeUse(EntryCodec.Out out, Ref ref, List<String> uses) {
    if (ref instanceof Ref.Image i) {
      out.text("image").text(i.registry()).text(i.repository()).text(i.digest().hex());
    } else if (ref instanceof Ref.S3Object o) {
      out.text("s3").text(o.bucket()).text(o.key()).text(o.versionId()).text(o.sha256());
    } else if (ref instanceof Ref.Ami a) {
      out.text("ami").text(a.amiId()).text(a.region());
    } else if (ref instanceof Ref.Ssm s) {
      out.text("ssm").text(s.name()).integer(s.version());
    } else if (ref instanceof Ref.Secret s) {
      out.text("secret").text(s.secretId()).text(s.versionId());
    } else if (ref instanceof Ref.RdsSnapshot r) {
      out.text("rds").text(r.arn());
    } else {
      out.text("dynamodb").text(((Ref.DynamoBackup) ref).arn());
    }
    out.integer(uses.size());
    uses.forEach(out::text);
  }

  static Ref readRef(EntryCodec.In in) {
    String kind = in.text();
    return switch (kind == null ? "" : kind) {
      case "image" -> new Ref.Image(in.text(), in.text(), new Digest("sha256", in.text()));
      case "s3" -> new Ref.S3Object(in.text(), in.text(), in.text(), in.text());
      case "ami" -> new Ref.Ami(in.text(), in.text());
      case "ssm" -> new Ref.Ssm(in.text(), in.integer());
      case "secret" -> new Ref.Secret(in.text(), in.text());
      case "rds" -> new Ref.RdsSnapshot(in.text());
      case "dynamodb" -> new Ref.DynamoBackup(in.text());
      default -> throw new EntryCodec.Malformed("unknown reference kind " + kind);
    };
  }

  /** Passes over what {@link #writeUse} wrote (a reference and its uses) without making any of it. */
  static void skipUse(EntryCodec.In in) {
    String kind = in.text();
    int texts = switch (kind == null ? "" : kind) {
      case "image" -> 3;
      case "s3" -> 4;
      case "ami", "secret" -> 2;
      case "ssm", "rds", "dynamodb" -> 1;
      default -> throw new EntryCodec.Malformed("unknown reference kind " + kind);
    };
    for (int i = 0; i < texts; i++) {
      in.skipText();
    }
    if ("ssm".equals(kind)) {
      in.integer();
    }
    int u = in.count();
    for (int j = 0; j < u; j++) {
      in.skipText();
    }
  }

  static List<String> readUses(EntryCodec.In in) {
    int u = in.count();
    List<String> uses = new ArrayList<>(u);
    for (int j = 0; j < u; j++) {
      uses.add(in.text());
    }
    return uses;
  }

  /** The problems and datastores, after the references. */
  void writeRest(EntryCodec.Out out) {
    out.integer(problems.size());
    problems.forEach(p -> out.text(p.file()).integer(p.line()).text(p.message()).text(p.fix()));
    out.integer(datastores.size());
    datastores.forEach(d -> {
      out.text(d.name()).text(d.engine().word()).text(d.image()).text(d.backups().kind());
      if (d.backups() instanceof Datastore.S3Dumps s) {
        out.text(s.bucket()).text(s.prefix());
      } else if (d.backups() instanceof Datastore.RdsSnapshots r) {
        out.text(r.instance()).text(null);
      } else {
        out.text(((Datastore.DynamoDbBackups) d.backups()).table()).text(null);
      }
      out.integer(d.rpo().toSeconds());
      out.integer(d.probe() == null ? 0 : 1);
      if (d.probe() != null) {
        out.text(d.probe().sql()).integer(d.probe().min());
      }
    });
  }

  /** The reading of {@code refs} with the problems and datastores that follow them in {@code in}. */
  static RevisionReading readRest(EntryCodec.In in, Map<Ref, List<String>> refs) {
    int p = in.count();
    List<Problem> problems = new ArrayList<>(p);
    for (int i = 0; i < p; i++) {
      problems.add(new Problem(in.text(), (int) in.integer(), in.text(), in.text()));
    }
    int d = in.count();
    List<Datastore> datastores = new ArrayList<>(d);
    for (int i = 0; i < d; i++) {
      String name = in.text();
      String engineWord = in.text();
      Datastore.DbEngine engine = Datastore.DbEngine.of(engineWord)
          .orElseThrow(() -> new EntryCodec.Malformed("unknown engine " + engineWord));
      String image = in.text();
      String kind = in.text();
      String first = in.text();
      String second = in.text();
      Datastore.Backups backups = switch (kind == null ? "" : kind) {
        case "s3" -> new Datastore.S3Dumps(first, second);
        case "rds" -> new Datastore.RdsSnapshots(first);
        case "dynamodb" -> new Datastore.DynamoDbBackups(first);
        default -> throw new EntryCodec.Malformed("unknown backup kind " + kind);
      };
      Duration rpo = Duration.ofSeconds(in.integer());
      Datastore.RestoreProbe probe = in.integer() == 1 ? new Datastore.RestoreProbe(in.text(), in.integer()) : null;
      datastores.add(new Datastore(name, engine, image, backups, rpo, probe));
    }
    return new RevisionReading(refs, List.copyOf(problems), List.copyOf(datastores));
  }
}
