package dev.phoenix.mirror;

import dev.phoenix.aws.ec2.AmiCopies;
import dev.phoenix.aws.rds.RdsSnapshotCopies;
import dev.phoenix.aws.s3.S3Copies;
import dev.phoenix.aws.secrets.SecretCopies;
import dev.phoenix.aws.ssm.SsmCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.model.Regions;
import dev.phoenix.registry.ImageCopy;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each kind of reference goes in a mirror region, and the copy itself through its adapter:
 * the lockfile's references, and the datastore backups of the window ({@link BackupSources}).
 */
final class Copies {
  /**
   * A made (or found) copy: its ledger entry and whether it was already in the mirror; {@code note}:
   * what a reader should know (a replica used, a copy made instead of one), else null. Never a value.
   */
  record Made(MirrorLedger.Entry entry, boolean alreadyThere, String note) {
    Made(MirrorLedger.Entry entry, boolean alreadyThere) {
      this(entry, alreadyThere, null);
    }
  }

  /** Why a DynamoDB on-demand backup is not copied (docs/regions.md, "not mirrorable"). */
  static final String DYNAMODB_NOT_MIRRORABLE = "not mirrorable: DynamoDB has no API that copies an on-demand backup "
      + "to another region (AWS Backup copy jobs do; Phoenix does not drive them, and moto does not implement them); "
      + "a rebuild in the mirror region cannot restore this datastore";

  private final Regions regions;
  private final Regions.Mirror mirror;
  private final RegionStores stores;
  private final ImageCopy images;
  private final Instant deadline;

  Copies(Regions regions, Regions.Mirror mirror, RegionStores stores, Instant deadline) {
    this.regions = regions;
    this.mirror = mirror;
    this.stores = stores;
    this.images = stores.registry().copier();
    this.deadline = deadline;
  }

  static MirrorLedger.Kind kind(Ref ref) {
    if (ref instanceof Ref.Image) {
      return MirrorLedger.Kind.IMAGE;
    }
    if (ref instanceof Ref.S3Object) {
      return MirrorLedger.Kind.S3;
    }
    if (ref instanceof Ref.Ssm) {
      return MirrorLedger.Kind.SSM;
    }
    if (ref instanceof Ref.RdsSnapshot) {
      return MirrorLedger.Kind.RDS;
    }
    if (ref instanceof Ref.DynamoBackup) {
      return MirrorLedger.Kind.DYNAMODB;
    }
    return ref instanceof Ref.Secret ? MirrorLedger.Kind.SECRET : MirrorLedger.Kind.AMI;
  }

  /** A datastore backup's kind in the ledger: {@code dump}, {@code rds}, {@code dynamodb}. */
  static MirrorLedger.Kind kind(BackupSources.Item item) {
    return item.backup().object() instanceof Ref.S3Object ? MirrorLedger.Kind.DUMP : kind(item.backup().object());
  }

  /** Where a backup's copy goes; empty with the reason in {@code why[0]} (no mirror bucket, or not mirrorable). */
  Optional<String> target(BackupSources.Item item, String[] why) {
    Ref ref = item.backup().object();
    if (ref instanceof Ref.RdsSnapshot r) {
      return Optional.of("a copy of " + r.snapshotId() + " in " + mirror.region());
    }
    if (ref instanceof Ref.DynamoBackup) {
      why[0] = DYNAMODB_NOT_MIRRORABLE;
      return Optional.empty();
    }
    return target(ref, why);
  }

  /** Copies a datastore backup (or finds its copy); throws a PhoenixException when it cannot. */
  Made copy(BackupSources.Item item) {
    Ref ref = item.backup().object();
    java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
    attributes.put(MirrorLedger.TAKEN, item.backup().takenAt().toString());
    attributes.put(MirrorLedger.OF, item.of().describe());
    if (ref instanceof Ref.S3Object s) {
      String bucket = mirror.bucketFor(s.bucket()).orElseThrow();
      S3Copies.Copy c = stores.s3(mirror.region()).copiesFrom(stores.s3(regions.primary())).copyDump(s.bucket(), s.key(),
          s.versionId(), s.sha256(),
          bucket, item.backup().takenAt());
      return new Made(entry(ref, MirrorLedger.Kind.DUMP, "s3://" + c.bucket() + "/" + c.key() + "?versionId="
          + c.versionId(), "sha256:" + c.sha256(), attributes), c.alreadyThere(), "taken " + item.backup().takenAt());
    }
    Ref.RdsSnapshot r = (Ref.RdsSnapshot) ref;
    RdsSnapshotCopies.Copy c = stores.rds(mirror.region()).copies().copy(r.arn(), r.region());
    return new Made(entry(ref, MirrorLedger.Kind.RDS, c.arn(), "-", attributes), c.alreadyThere(),
        "taken " + item.backup().takenAt() + (c.status() == null || c.status().equals("available") ? ""
            : "; the copy is " + c.status() + " (verify --region says UNKNOWN until it is available)"));
  }

  /** Where the copy goes, or empty with the reason in {@code why[0]} when regions.yaml names no place. */
  Optional<String> target(Ref ref, String[] why) {
    String region = mirror.region();
    if (ref instanceof Ref.Image i) {
      Optional<String> host = mirror.registryFor(i.registry());
      if (host.isEmpty()) {
        why[0] = "no mirror registry for " + i.registry() + ": add it to mirrors." + region + ".registries in "
            + Regions.path(regions.environment());
      }
      return host.map(h -> h + "/" + i.repository() + "@" + i.digest());
    }
    if (ref instanceof Ref.S3Object s) {
      Optional<String> bucket = mirror.bucketFor(s.bucket());
      if (bucket.isEmpty()) {
        why[0] = "no mirror bucket for " + s.bucket() + ": add it to mirrors." + region + ".buckets in "
            + Regions.path(regions.environment());
      }
      return bucket.map(b -> "s3://" + b + "/" + s.key());
    }
    if (ref instanceof Ref.Ssm p) {
      return Optional.of("ssm:" + p.name() + " in " + region);
    }
    if (ref instanceof Ref.Secret s) {
      return Optional.of("secret:" + SecretCopies.nameOf(s.secretId()) + " in " + region);
    }
    Ref.Ami a = (Ref.Ami) ref;
    return Optional.of("a copy of " + a.amiId() + " in " + region);
  }

  /** Makes the copy (or finds it already made); throws a PhoenixException when it cannot. */
  Made copy(Ref ref) {
    String region = mirror.region();
    String primary = regions.primary();
    MirrorLedger.Kind kind = kind(ref);
    if (ref instanceof Ref.Image i) {
      String host = mirror.registryFor(i.registry()).orElseThrow();
      ImageCopy.Result r = images.copy(i.registry(), host, i.repository(), i.digest(), deadline);
      return made(ref, kind, host + "/" + i.repository() + "@" + i.digest(), i.digest().toString(), r.alreadyThere());
    }
    if (ref instanceof Ref.S3Object s) {
      String bucket = mirror.bucketFor(s.bucket()).orElseThrow();
      S3Copies.Copy c = stores.s3(region).copiesFrom(stores.s3(primary)).copy(s.bucket(), s.key(), s.versionId(), s.sha256(), bucket);
      return made(ref, kind, "s3://" + c.bucket() + "/" + c.key() + "?versionId=" + c.versionId(), "sha256:" + c.sha256(),
          c.alreadyThere());
    }
    if (ref instanceof Ref.Ssm p) {
      SsmCopies.Copy c = stores.ssm(region).copiesFrom(stores.ssm(primary)).copy(p.name(), p.version());
      return made(ref, kind, "ssm:" + c.name() + ":" + c.version(), "-", c.alreadyThere());
    }
    if (ref instanceof Ref.Secret s) {
      SecretCopies.Copy c = stores.secrets(region).copiesFrom(stores.secrets(primary))
          .mirror(s.secretId(), s.versionId(), region, mirror.secrets() == Regions.SecretMode.REPLICATE);
      String via = c.replica() ? "replica" : "copy";
      return new Made(entry(ref, kind, "secret:" + c.arn() + "@" + c.versionId(), "-",
          java.util.Map.of(MirrorLedger.VIA, via)), c.alreadyThere(),
          c.note() != null ? c.note() : c.replica() ? "the Secrets Manager replica in " + region : null);
    }
    Ref.Ami a = (Ref.Ami) ref;
    if (region.equals(a.region())) {
      return made(ref, kind, a.id(), "-", true);
    }
    AmiCopies.Copy c = stores.ec2().copies().copy(a.amiId(), a.region(), region);
    return made(ref, kind, new Ref.Ami(c.amiId(), region).id(), "-", c.alreadyThere());
  }

  private Made made(Ref ref, MirrorLedger.Kind kind, String copy, String checksum, boolean already) {
    return new Made(entry(ref, kind, copy, checksum, java.util.Map.of()), already);
  }

  private MirrorLedger.Entry entry(Ref ref, MirrorLedger.Kind kind, String copy, String checksum,
      java.util.Map<String, String> attributes) {
    return new MirrorLedger.Entry(mirror.region(), kind, ref.id(), copy, checksum,
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), 0, attributes);
  }
}
