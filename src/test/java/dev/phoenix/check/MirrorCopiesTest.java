package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.model.Digest;
import dev.phoenix.model.MirrorLedger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ledger line's copy locator read back as a reference the same checkers take. */
class MirrorCopiesTest {
  static final Instant AT = Instant.parse("2026-12-03T08:40:00Z");
  static final String HEX = "9f".repeat(32);

  static MirrorLedger.Entry entry(MirrorLedger.Kind kind, String source, String copy, String checksum) {
    return new MirrorLedger.Entry("eu-central-1", kind, source, copy, checksum, AT, 0);
  }

  @Test
  void eachKindOfCopyIsReadBackAndTheNewestLineWins() {
    Ref.Image image = new Ref.Image("reg:5000", "payments/api", new Digest("sha256", HEX));
    Ref.S3Object object = new Ref.S3Object("src", "dir/fn 1.zip", "v1", HEX);
    Ref.Ssm ssm = new Ref.Ssm("/prod/db", 7);
    Ref.Secret secret = new Ref.Secret("prod/key", "ver-1");
    Ref.Ami ami = new Ref.Ami("ami-0123456789abcdef0", "us-east-1");
    MirrorLedger ledger = new MirrorLedger(List.of(
        entry(MirrorLedger.Kind.IMAGE, image.id(), "mirror:5001/payments/api@sha256:" + HEX, "sha256:" + HEX),
        entry(MirrorLedger.Kind.S3, object.id(), "s3://dst/dir/fn 1.zip?versionId=old", "sha256:" + HEX),
        entry(MirrorLedger.Kind.S3, object.id(), "s3://dst/dir/fn 1.zip?versionId=new", "sha256:" + HEX),
        entry(MirrorLedger.Kind.SSM, ssm.id(), "ssm:/prod/db:3", "-"),
        entry(MirrorLedger.Kind.SECRET, secret.id(), "secret:arn:aws:secretsmanager:eu-central-1:1:secret:prod/key-Ab12Cd@ver-1", "-"),
        entry(MirrorLedger.Kind.AMI, ami.id(), "ami-0fedcba9876543210 (eu-central-1)", "-")));
    MirrorCopies copies = new MirrorCopies(ledger, "eu-central-1");
    assertThat(copies.copyOf(image)).contains(new Ref.Image("mirror:5001", "payments/api", new Digest("sha256", HEX)));
    assertThat(copies.copyOf(object)).contains(new Ref.S3Object("dst", "dir/fn 1.zip", "new", HEX));
    assertThat(copies.copyOf(ssm)).contains(new Ref.Ssm("/prod/db", 3));
    assertThat(copies.copyOf(secret)).contains(new Ref.Secret("arn:aws:secretsmanager:eu-central-1:1:secret:prod/key-Ab12Cd", "ver-1"));
    assertThat(copies.copyOf(ami)).contains(new Ref.Ami("ami-0fedcba9876543210", "eu-central-1"));
    // another region has none of them; the primary's "copies" are the references themselves
    assertThat(new MirrorCopies(ledger, "eu-west-1").copyOf(image)).isEmpty();
    assertThat(MirrorCopies.primary("us-east-1").copyOf(ssm)).contains(ssm);
  }

  @Test
  void aLocatorThatDoesNotReadIsNoCopy() {
    Ref.Ssm ssm = new Ref.Ssm("/prod/db", 7);
    MirrorLedger ledger = new MirrorLedger(List.of(entry(MirrorLedger.Kind.SSM, ssm.id(), "ssm:/prod/db:three", "-")));
    assertThat(new MirrorCopies(ledger, "eu-central-1").copyOf(ssm)).isEmpty();
    assertThat(new MirrorCopies(ledger, "eu-central-1").entry(ssm)).isPresent();
  }

  @Test
  void aDatastoresBackupsInTheRegionAreItsCopiesAtTheirSourcesTimeOldestFirst() {
    String src = "arn:aws:rds:us-east-1:123456789012:snapshot:";
    String dst = "arn:aws:rds:eu-central-1:123456789012:snapshot:";
    java.util.function.BiFunction<String, String, java.util.Map<String, String>> attrs =
        (taken, of) -> java.util.Map.of(MirrorLedger.TAKEN, taken, MirrorLedger.OF, of);
    MirrorLedger ledger = new MirrorLedger(List.of(
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.RDS, src + "ledger-t2", dst + "ledger-t2", "-", AT, 0,
            attrs.apply("2026-11-05T03:00:00Z", "rds:ledger")),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.RDS, src + "ledger-t1", dst + "ledger-t1", "-", AT, 0,
            attrs.apply("2026-11-04T03:00:00Z", "rds:ledger")),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.RDS, src + "other-t1", dst + "other-t1", "-", AT, 0,
            attrs.apply("2026-11-04T03:00:00Z", "rds:other")),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.DUMP, "s3://d/ledger-db/x.dump?versionId=1",
            "s3://d-euc1/ledger-db/x.dump?versionId=9", "sha256:" + HEX, AT, 0,
            attrs.apply("2026-11-04T09:00:00Z", "s3://d/ledger-db/")),
        new MirrorLedger.Entry("us-west-2", MirrorLedger.Kind.DUMP, "s3://d/ledger-db/x.dump?versionId=1",
            "s3://d-usw2/ledger-db/x.dump?versionId=5", "sha256:" + HEX, AT, 0,
            attrs.apply("2026-11-04T09:00:00Z", "s3://d/ledger-db/"))));
    MirrorCopies copies = new MirrorCopies(ledger, "eu-central-1");
    assertThat(copies.backups(new dev.phoenix.model.Datastore.RdsSnapshots("ledger")))
        .extracting(Backup::object, Backup::takenAt).containsExactly(
            org.assertj.core.groups.Tuple.tuple(new Ref.RdsSnapshot(dst + "ledger-t1"), Instant.parse("2026-11-04T03:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(new Ref.RdsSnapshot(dst + "ledger-t2"), Instant.parse("2026-11-05T03:00:00Z")));
    assertThat(copies.backups(new dev.phoenix.model.Datastore.S3Dumps("d", "ledger-db/")))
        .extracting(Backup::object).containsExactly(new Ref.S3Object("d-euc1", "ledger-db/x.dump", "9", HEX));
    assertThat(copies.backups(new dev.phoenix.model.Datastore.DynamoDbBackups("sessions"))).isEmpty();
    assertThat(MirrorCopies.primary("us-east-1").backups(new dev.phoenix.model.Datastore.RdsSnapshots("ledger"))).isEmpty();
  }
}
