package dev.phoenix.check;

import dev.phoenix.model.ImageReference;
import dev.phoenix.model.S3ObjectVersion;

/**
 * One pinned thing a rebuild needs, identified so that the same reference shared by many
 * revisions and environments is checked once. Records: equality is identity.
 */
public sealed interface Ref permits Ref.Image, Ref.S3Object, Ref.Ami, Ref.Ssm, Ref.Secret, Ref.RdsSnapshot,
    Ref.DynamoBackup {

  /**
   * The exact, value-free reference a script can act on (re-push the image, page its owner):
   * {@code registry.example.com/payments/api@sha256:<64 hex>}, {@code s3://bucket/key?versionId=…}.
   * Machine-readable output (JSON, JUnit, report tables, drill records) uses this.
   */
  String id();

  /**
   * For a person reading a line: the same as {@link #id()} except that image digests are
   * shortened ({@code registry.example.com/payments/api@sha256:ab12…}).
   */
  default String describe() {
    return id();
  }

  /** The store, for grouping: registry host, "s3", "ec2:eu-west-2", "ssm", "secretsmanager". */
  String store();

  /** A container image by digest; the tag part of the reference is ignored for identity. */
  record Image(String registry, String repository, dev.phoenix.model.Digest digest) implements Ref {
    public static Image of(ImageReference ref) {
      return new Image(ref.registry(), ref.repository(), ref.digest());
    }

    @Override
    public String id() {
      return registry + "/" + repository + "@" + digest;
    }

    @Override
    public String describe() {
      return registry + "/" + repository + "@" + digest.shortForm();
    }

    @Override
    public String store() {
      return registry;
    }
  }

  record S3Object(String bucket, String key, String versionId, String sha256) implements Ref {
    public static S3Object of(S3ObjectVersion s3) {
      return new S3Object(s3.bucket(), s3.key(), s3.versionId(), s3.sha256());
    }

    @Override
    public String id() {
      return "s3://" + bucket + "/" + key + "?versionId=" + versionId;
    }

    @Override
    public String store() {
      return "s3";
    }
  }

  record Ami(String amiId, String region) implements Ref {
    @Override
    public String id() {
      return amiId + " (" + region + ")";
    }

    @Override
    public String store() {
      return "ec2:" + region;
    }
  }

  record Ssm(String name, long version) implements Ref {
    @Override
    public String id() {
      return "ssm:" + name + ":" + version;
    }

    @Override
    public String store() {
      return "ssm";
    }
  }

  record Secret(String secretId, String versionId) implements Ref {
    @Override
    public String id() {
      return "secret:" + secretId + "@" + versionId;
    }

    @Override
    public String store() {
      return "secretsmanager";
    }
  }

  /**
   * An RDS DB snapshot a datastore's restore uses, by ARN
   * ({@code arn:aws:rds:eu-west-1:123456789012:snapshot:ledger-2026-10-02}).
   */
  record RdsSnapshot(String arn) implements Ref {
    public RdsSnapshot {
      ArnParts.require(arn, "rds", "snapshot:");
    }

    /** The snapshot identifier: the ARN's last part. */
    public String snapshotId() {
      return ArnParts.resource(arn).substring("snapshot:".length());
    }

    public String region() {
      return ArnParts.region(arn);
    }

    @Override
    public String id() {
      return arn;
    }

    @Override
    public String store() {
      return "rds:" + region();
    }
  }

  /**
   * A DynamoDB on-demand backup by ARN
   * ({@code arn:aws:dynamodb:eu-west-1:123456789012:table/ledger/backup/01796289563913-80e0dbcb}).
   */
  record DynamoBackup(String arn) implements Ref {
    public DynamoBackup {
      ArnParts.require(arn, "dynamodb", "table/");
      if (!arn.contains("/backup/")) {
        throw new IllegalArgumentException("not a DynamoDB backup ARN: " + arn);
      }
    }

    /** The table the backup was taken of (it need not exist any more). */
    public String table() {
      String resource = ArnParts.resource(arn);
      return resource.substring("table/".length(), resource.indexOf("/backup/"));
    }

    public String region() {
      return ArnParts.region(arn);
    }

    @Override
    public String id() {
      return arn;
    }

    @Override
    public String store() {
      return "dynamodb:" + region();
    }
  }
}
