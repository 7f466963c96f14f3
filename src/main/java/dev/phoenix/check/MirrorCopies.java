package dev.phoenix.check;

import dev.phoenix.model.ImageReference;
import dev.phoenix.model.MirrorLedger;
import java.util.Optional;

/**
 * The copies of one mirror region as the ledger records them (docs/regions.md): a source
 * reference's copy as a {@link Ref} the same checkers understand ({@code host/repo@sha256:…} in the
 * mirror registry, the mirror bucket's object version with the source's SHA-256, the mirror's SSM
 * version, the mirror secret's ARN with the same version id, the AMI copy in the region). Pure: asks
 * no store.
 */
public final class MirrorCopies {
  private final java.util.Map<String, MirrorLedger.Entry> bySource = new java.util.HashMap<>();
  private final String region;
  private final boolean primary;

  /** The copies {@code ledger} records for mirror {@code region}. */
  public MirrorCopies(MirrorLedger ledger, String region) {
    this(ledger, region, false);
  }

  private MirrorCopies(MirrorLedger ledger, String region, boolean primary) {
    ledger.entries().stream().filter(e -> e.region().equals(region)).forEach(e -> bySource.put(e.source(), e));
    this.region = region;
    this.primary = primary;
  }

  /** The primary region: every reference is its own "copy". */
  public static MirrorCopies primary(String region) {
    return new MirrorCopies(MirrorLedger.empty(), region, true);
  }

  public boolean isPrimary() {
    return primary;
  }

  public String region() {
    return region;
  }

  /** The newest ledger entry of {@code source} in this region. */
  public Optional<MirrorLedger.Entry> entry(Ref source) {
    return Optional.ofNullable(bySource.get(source.id()));
  }

  /**
   * The copy of {@code source} in this region; empty when the ledger has no entry for it, or its
   * locator cannot be read as a reference of the source's kind (validate names such a line).
   */
  public Optional<Ref> copyOf(Ref source) {
    if (primary) {
      return Optional.of(source);
    }
    return entry(source).flatMap(e -> e.kind().backup() ? backupCopy(e) : parse(source, e));
  }

  /**
   * The copies this region holds of the datastore backups {@code where} (ledger lines of kind
   * {@code dump} or {@code rds} whose {@code of} is {@code where.describe()}), each as a {@link Backup}
   * of the copy with the source backup's time ({@code taken}), oldest first. Empty in the primary (its
   * backups are listed from its stores) and for DynamoDB backups (never mirrored).
   */
  public java.util.List<Backup> backups(dev.phoenix.model.Datastore.Backups where) {
    java.util.List<Backup> out = new java.util.ArrayList<>();
    String of = where.describe();
    for (MirrorLedger.Entry e : bySource.values()) {
      if (!e.kind().backup() || !of.equals(e.attribute(MirrorLedger.OF).orElse(null)) || e.taken().isEmpty()) {
        continue;
      }
      Optional<Ref> copy = backupCopy(e);
      copy.ifPresent(c -> out.add(new Backup(c, e.taken().get(), "ledger (taken in the primary region)", -1)));
    }
    out.sort(Backup.BY_TIME);
    return java.util.List.copyOf(out);
  }

  /** {@link #backups} as a listing, for {@code protect --region}: the copies to mark, at their source's time. */
  public BackupListing listing() {
    return new BackupListing() {
      @Override
      public boolean handles(dev.phoenix.model.Datastore.Backups where) {
        return true;
      }

      @Override
      public java.util.List<Point> list(dev.phoenix.model.Datastore.Backups where) {
        return backups(where).stream().map(b -> new Point(b.object(), b.takenAt())).toList();
      }
    };
  }

  /** A backup line's copy: the mirror bucket's object version (with the ledger's checksum) or the snapshot copy's ARN. */
  static Optional<Ref> backupCopy(MirrorLedger.Entry e) {
    try {
      if (e.kind() == MirrorLedger.Kind.DUMP) {
        return parse(new Ref.S3Object("b", "k", "v", null), e);
      }
      if (e.kind() == MirrorLedger.Kind.RDS) {
        return Optional.of(new Ref.RdsSnapshot(e.copy()));
      }
    } catch (RuntimeException bad) { // not an RDS snapshot ARN: no usable copy
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** An entry's copy locator read back as a reference of {@code source}'s kind. */
  static Optional<Ref> parse(Ref source, MirrorLedger.Entry e) {
    String copy = e.copy();
    try {
      if (source instanceof Ref.Image) {
        ImageReference.Reading r = ImageReference.parse(copy);
        return r.reference() == null || r.reference().digest() == null ? Optional.empty()
            : Optional.of(Ref.Image.of(r.reference()));
      }
      if (source instanceof Ref.S3Object s) {
        int v = copy.lastIndexOf("?versionId=");
        if (!copy.startsWith("s3://") || v < 0) {
          return Optional.empty();
        }
        String path = copy.substring(5, v);
        int slash = path.indexOf('/');
        if (slash <= 0) {
          return Optional.empty();
        }
        String sha = e.checksum().startsWith("sha256:") ? e.checksum().substring(7) : s.sha256();
        return Optional.of(new Ref.S3Object(path.substring(0, slash), path.substring(slash + 1),
            copy.substring(v + "?versionId=".length()), sha));
      }
      if (source instanceof Ref.Ssm) {
        int colon = copy.lastIndexOf(':');
        if (!copy.startsWith("ssm:") || colon <= 4) {
          return Optional.empty();
        }
        return Optional.of(new Ref.Ssm(copy.substring(4, colon), Long.parseLong(copy.substring(colon + 1))));
      }
      if (source instanceof Ref.Secret) {
        int at = copy.lastIndexOf('@');
        if (!copy.startsWith("secret:") || at <= 7) {
          return Optional.empty();
        }
        return Optional.of(new Ref.Secret(copy.substring(7, at), copy.substring(at + 1)));
      }
      if (source instanceof Ref.Ami) {
        int space = copy.indexOf(" (");
        if (space <= 0 || !copy.endsWith(")")) {
          return Optional.empty();
        }
        return Optional.of(new Ref.Ami(copy.substring(0, space), copy.substring(space + 2, copy.length() - 1)));
      }
    } catch (RuntimeException bad) { // a number or digest that does not parse: no usable copy
      return Optional.empty();
    }
    return Optional.empty();
  }
}
