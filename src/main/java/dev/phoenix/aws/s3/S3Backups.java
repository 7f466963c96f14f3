package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Datastore;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Datastore dumps as object versions under a prefix of a versioned bucket (docs/lockfile.md,
 * Datastores): every version is a backup; its time is the user metadata {@code phoenix-taken-at}
 * when readable, else LastModified; its recorded sha256 is the metadata {@code phoenix-sha256}, else
 * S3's stored full-object SHA-256.
 */
public final class S3Backups implements BackupCatalog {
  /** User metadata (x-amz-meta-…) an upload sets: when the dump was taken, ISO-8601 UTC. */
  public static final String TAKEN_AT = "phoenix-taken-at";
  /** User metadata: the sha256 of the dump's bytes (64 lowercase hex) as written. */
  public static final String SHA256 = "phoenix-sha256";
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private final S3Client s3;
  private final S3Reads reads;

  S3Backups(S3Client s3, S3Reads reads) {
    this.s3 = s3;
    this.reads = reads;
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return where instanceof Datastore.S3Dumps;
  }

  @Override
  public List<Backup> list(Datastore.Backups where) {
    Datastore.S3Dumps dumps = (Datastore.S3Dumps) where;
    List<Backup> out = new ArrayList<>();
    try {
      for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(dumps.bucket()).prefix(dumps.prefix()))) {
        for (ObjectVersion v : page.versions()) {
          if (v.key().endsWith("/") || v.versionId() == null || "null".equals(v.versionId())) {
            continue; // a folder marker, or written while the bucket was unversioned: no version to pin
          }
          out.add(backup(dumps.bucket(), v));
        }
      }
    } catch (SdkException e) {
      AwsException failure = S3Reads.translate("ListObjectVersions " + dumps.describe(), e);
      throw new PhoenixException(failure.notFound() ? PhoenixException.Kind.CHECK_FAILED : PhoenixException.Kind.UNAVAILABLE,
          "cannot list the backups in " + dumps.describe() + ": " + failure.getMessage(),
          failure.notFound() ? "create the bucket, enable versioning and upload the dumps there"
              : "check the credentials (s3:ListBucketVersions, s3:GetObjectVersion) and the endpoint");
    }
    out.sort(Backup.BY_TIME);
    return List.copyOf(out);
  }

  private Backup backup(String bucket, ObjectVersion v) {
    Instant taken = v.lastModified();
    String from = "LastModified";
    String sha = null;
    var head = s3.headObject(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId())
        .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED));
    String at = head.metadata().get(TAKEN_AT);
    if (at != null) {
      try {
        taken = Instant.parse(at.strip());
        from = "metadata " + TAKEN_AT;
      } catch (DateTimeParseException ignored) {
        // unreadable: LastModified stands, as documented
      }
    }
    String recorded = head.metadata().get(SHA256);
    if (recorded != null && HEX64.matcher(recorded.strip()).matches()) {
      sha = recorded.strip();
    } else {
      sha = S3Checksums.fullObjectSha256Hex(head.checksumSHA256(),
          head.checksumType() == null ? null : head.checksumTypeAsString(), head.eTag()).orElse(null);
    }
    long size = head.contentLength() == null ? -1 : head.contentLength();
    return new Backup(new Ref.S3Object(bucket, v.key(), v.versionId(), sha), taken, from, size);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Backup> backups, CheckOptions options) {
    List<Ref> refs = new ArrayList<>();
    List<Checks.Job> jobs = new ArrayList<>();
    for (Backup b : new LinkedHashSet<>(backups)) {
      Ref ref = b.object();
      refs.add(ref);
      jobs.add(new Checks.Job("s3", List.of(ref), () -> Map.of(ref, checkOne(b.dump(), options.deep()))));
    }
    return Checks.jobs(refs, jobs, options);
  }

  Finding checkOne(Ref.S3Object o, boolean deep) {
    try {
      S3Reads.Head head = reads.head(o.bucket(), o.key(), o.versionId());
      if (o.sha256() == null) {
        return Finding.ok("present; no recorded sha256 (set metadata " + SHA256
            + " or upload with a SHA-256 checksum), so its bytes cannot be checked");
      }
      if (deep) {
        S3Reads.Hashed hashed = reads.hash(o.bucket(), o.key(), o.versionId());
        return compare(hashed.sha256(), o.sha256(), "SHA-256 of its " + hashed.bytes() + " bytes");
      }
      if (head.sha256().isPresent()) {
        return compare(head.sha256().get(), o.sha256(), "stored SHA-256 checksum");
      }
      return Finding.ok(S3Checker.NO_STORED_CHECKSUM);
    } catch (AwsException e) {
      return e.notFound() ? Finding.missing(S3Checker.missingReason(e.failure().code())) : Finding.unknown(e.getMessage());
    }
  }

  private static Finding compare(String actual, String recorded, String what) {
    return actual.equals(recorded) ? Finding.ok(what + " matches the recorded sha256")
        : Finding.corrupt(what + " is " + actual + ", the dump's recorded sha256 is " + recorded);
  }

  /** The bytes of one dump version, streamed (the caller hashes and closes). */
  public InputStream open(Ref.S3Object o) {
    try {
      return s3.getObject(b -> b.bucket(o.bucket()).key(o.key()).versionId(o.versionId())
          .overrideConfiguration(c -> c.apiCallTimeout(java.time.Duration.ofHours(6))
              .apiCallAttemptTimeout(java.time.Duration.ofHours(6))));
    } catch (SdkException e) {
      AwsException failure = S3Reads.translate("GetObject " + o.id(), e);
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "cannot fetch the dump " + o.id() + ": " + failure.getMessage(),
          "check that the version still exists (phoenix verify) and the credentials");
    }
  }
}
