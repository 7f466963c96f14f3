package dev.phoenix.aws.s3;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S3 object versions: HeadObject with ChecksumMode=ENABLED, once per reference (S3 has no batch
 * head). A stored full-object SHA-256 is compared with the pin; without one the object is OK
 * unless {@code deep}, which streams it through SHA-256. 403 and throttling are UNKNOWN.
 */
public final class S3Checker implements RefChecker {
  static final String NO_STORED_CHECKSUM = "no stored checksum; --deep hashes it";
  private final S3Reads reads;

  S3Checker(S3Reads reads) {
    this.reads = reads;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.S3Object;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    List<Checks.Job> jobs = new ArrayList<>();
    for (Ref ref : new LinkedHashSet<>(refs)) {
      if (ref instanceof Ref.S3Object s3) {
        jobs.add(new Checks.Job("s3", List.of(ref), () -> Map.of(ref, checkOne(s3, options.deep()))));
      }
    }
    return Checks.jobs(refs, jobs, options);
  }

  Finding checkOne(Ref.S3Object ref, boolean deep) {
    try {
      S3Reads.Head head = reads.head(ref.bucket(), ref.key(), ref.versionId());
      if (head.sha256().isPresent()) {
        return compare(head.sha256().get(), ref.sha256(), "stored SHA-256 checksum");
      }
      if (!deep) {
        return Finding.ok(NO_STORED_CHECKSUM);
      }
      S3Reads.Hashed hashed = reads.hash(ref.bucket(), ref.key(), ref.versionId());
      return compare(hashed.sha256(), ref.sha256(), "SHA-256 of its " + hashed.bytes() + " bytes");
    } catch (AwsException e) {
      if (e.notFound()) {
        return Finding.missing(missingReason(e.failure().code()));
      }
      return Finding.unknown(e.getMessage());
    }
  }

  static Finding compare(String actualHex, String pinnedHex, String what) {
    String pinned = pinnedHex == null ? "" : pinnedHex.toLowerCase(Locale.ROOT);
    if (actualHex.equals(pinned)) {
      return Finding.ok(what + " matches");
    }
    return Finding.corrupt(what + " is " + actualHex + ", the lockfile pins " + pinned);
  }

  static String missingReason(String code) {
    return switch (code) {
      case "MethodNotAllowed" -> "that version is a delete marker";
      case "NoSuchBucket" -> "the bucket does not exist";
      case "NoSuchVersion" -> "no such version";
      default -> "S3 has no such version (HTTP 404: the version, key or bucket is gone)";
    };
  }
}
