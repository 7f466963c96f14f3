package dev.phoenix.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Against moto 5.2.1: RDS snapshots there are metadata only (no data is copied) and a point-in-time
 * restore ignores the time, so what is tested is the choice (newest snapshot at or before the date,
 * PITR inside the window) and the keep tags; docs/aws.md says so.
 */
class RdsBackupsIT {
  @RegisterExtension
  static final MotoClients<RdsService, RdsClient> AWS =
      new MotoClients<>(RdsService::connect, c -> AwsClients.build(RdsClient.builder(), c));

  private void instance(String id, int retentionDays) {
    AWS.raw().createDBInstance(b -> b.dbInstanceIdentifier(id).engine("postgres").dbInstanceClass("db.t3.micro")
        .masterUsername("ledger").masterUserPassword("not-a-real-password-1").allocatedStorage(20)
        .backupRetentionPeriod(retentionDays));
  }

  private DBSnapshot snapshot(String instance, String id) throws InterruptedException {
    Thread.sleep(20); // ordering of creation times, not timing, is asserted
    DBSnapshot s = AWS.raw().createDBSnapshot(b -> b.dbInstanceIdentifier(instance).dbSnapshotIdentifier(id))
        .dbSnapshot();
    Thread.sleep(20);
    return s;
  }

  @Test
  void theNewestSnapshotAtOrBeforeTheDateWhenNoPointInTimeIsKept() throws Exception {
    instance("ledger", 0);
    DBSnapshot t1 = snapshot("ledger", "ledger-t1");
    DBSnapshot t2 = snapshot("ledger", "ledger-t2");
    Instant between = t1.snapshotCreateTime().plus(
        Duration.between(t1.snapshotCreateTime(), t2.snapshotCreateTime()).dividedBy(2));

    RdsRestorePoint point = AWS.service().backups().restorePoint("ledger", between, Instant.now()).orElseThrow();
    assertThat(point.kind()).isEqualTo(RdsRestorePoint.Kind.SNAPSHOT);
    assertThat(point.snapshotArn()).isEqualTo(t1.dbSnapshotArn());
    assertThat(point.snapshotId()).isEqualTo("ledger-t1");
    assertThat(point.rpo()).isEqualTo(Duration.between(t1.snapshotCreateTime(), between)).isPositive();
    assertThat(new Ref.RdsSnapshot(point.snapshotArn()).snapshotId()).isEqualTo("ledger-t1");

    assertThat(AWS.service().backups().restorePoint("ledger", t2.snapshotCreateTime(), Instant.now())
        .orElseThrow().snapshotArn()).isEqualTo(t2.dbSnapshotArn());
    assertThat(AWS.service().backups().restorePoint("ledger", t1.snapshotCreateTime().minusSeconds(60),
        Instant.now())).isEmpty();

    // the instance gone (the disaster): its manual snapshots still answer
    AWS.raw().deleteDBInstance(b -> b.dbInstanceIdentifier("ledger").skipFinalSnapshot(true));
    assertThat(AWS.service().backups().restorePoint("ledger", between, Instant.now()).orElseThrow().snapshotArn())
        .isEqualTo(t1.dbSnapshotArn());
  }

  @Test
  void pointInTimeToTheDateExactlyInsideTheRetentionWindow() throws Exception {
    instance("ledger", 7);
    DBInstance db = AWS.raw().describeDBInstances(b -> b.dbInstanceIdentifier("ledger")).dbInstances().get(0);
    Instant at = db.instanceCreateTime().plusMillis(1);
    Instant now = db.latestRestorableTime().plusSeconds(1);

    RdsRestorePoint point = AWS.service().backups().restorePoint("ledger", at, now).orElseThrow();
    assertThat(point.kind()).isEqualTo(RdsRestorePoint.Kind.POINT_IN_TIME);
    assertThat(point.dataTime()).isEqualTo(at);
    assertThat(point.rpo()).isZero();
    assertThat(point.snapshotArn()).isNull();
    // before the instance existed there is no point in time, and no snapshot either
    assertThat(AWS.service().backups().restorePoint("ledger", db.instanceCreateTime().minusSeconds(3600), now))
        .isEmpty();
  }

  @Test
  void keepTagsOnSnapshotsAndPruneRemovesOnlyPhoenixsMark() throws Exception {
    instance("ledger", 0);
    DBSnapshot t1 = snapshot("ledger", "ledger-t1");
    DBSnapshot t2 = snapshot("ledger", "ledger-t2");
    AWS.raw().addTagsToResource(b -> b.resourceName(t1.dbSnapshotArn()).tags(Tag.builder().key("owner").value("db").build()));
    Keeper keeper = AWS.service().keeper();
    Ref.RdsSnapshot s1 = new Ref.RdsSnapshot(t1.dbSnapshotArn());
    Ref.RdsSnapshot s2 = new Ref.RdsSnapshot(t2.dbSnapshotArn());

    assertThat(keeper.isProtected(s1, "prod")).isFalse();
    keeper.protect(s1, "prod");
    keeper.protect(s2, "prod");
    assertThat(keeper.isProtected(s1, "prod")).isTrue();
    assertThat(keeper.isProtected(s1, "staging")).isFalse();
    List<Keeper.Kept> kept = keeper.kept(List.of(s1), "prod");
    assertThat(kept).extracting(Keeper.Kept::ref).containsExactlyInAnyOrder(s1, s2);

    keeper.release(new Keeper.Kept(s2, keeper.mark(s2, "prod")), "prod");
    assertThat(keeper.isProtected(s2, "prod")).isFalse();
    assertThat(AWS.raw().listTagsForResource(b -> b.resourceName(t1.dbSnapshotArn())).tagList())
        .extracting(Tag::key).containsExactlyInAnyOrder("owner", "phoenix-keep-prod");
  }

  @Test
  void theCheckerFindsTheSnapshotAvailableAndADeletedOneMissing() throws Exception {
    instance("ledger", 0);
    DBSnapshot t1 = snapshot("ledger", "ledger-t1");
    DBSnapshot t2 = snapshot("ledger", "ledger-t2");
    AWS.raw().deleteDBSnapshot(b -> b.dbSnapshotIdentifier("ledger-t2"));
    Ref.RdsSnapshot s1 = new Ref.RdsSnapshot(t1.dbSnapshotArn());
    Ref.RdsSnapshot s2 = new Ref.RdsSnapshot(t2.dbSnapshotArn());
    var found = AWS.service().checker().check(List.of(s1, s2), dev.phoenix.aws.MotoAws.options(false));
    assertThat(found.get(s1).status()).isEqualTo(dev.phoenix.check.Status.OK);
    assertThat(found.get(s2).status()).isEqualTo(dev.phoenix.check.Status.MISSING);
    assertThat(found.get(s2).reason()).contains("ledger-t2 not found");
  }
}
