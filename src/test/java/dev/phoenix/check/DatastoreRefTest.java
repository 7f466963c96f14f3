package dev.phoenix.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatastoreRefTest {

  @Test
  void rdsSnapshotArnsNameTheSnapshotAndRegionAutomatedOnesIncluded() {
    Ref.RdsSnapshot manual = new Ref.RdsSnapshot("arn:aws:rds:eu-west-1:123456789012:snapshot:ledger-t1");
    assertThat(manual.snapshotId()).isEqualTo("ledger-t1");
    assertThat(manual.region()).isEqualTo("eu-west-1");
    assertThat(manual.store()).isEqualTo("rds:eu-west-1");
    assertThat(new Ref.RdsSnapshot("arn:aws:rds:us-east-1:123456789012:snapshot:rds:ledger-2026-10-02-03-00")
        .snapshotId()).isEqualTo("rds:ledger-2026-10-02-03-00");
    assertThatThrownBy(() -> new Ref.RdsSnapshot("arn:aws:rds:eu-west-1:123456789012:db:ledger"))
        .hasMessageContaining("not an ARN of rds snapshot:");
  }

  @Test
  void dynamoBackupArnsNameTheTableTheyWereTakenOf() {
    Ref.DynamoBackup b = new Ref.DynamoBackup(
        "arn:aws:dynamodb:eu-west-1:123456789012:table/ledger/backup/01796289563913-80e0dbcb");
    assertThat(b.table()).isEqualTo("ledger");
    assertThat(b.region()).isEqualTo("eu-west-1");
    assertThat(b.id()).isEqualTo(b.arn());
    assertThatThrownBy(() -> new Ref.DynamoBackup("arn:aws:dynamodb:eu-west-1:123456789012:table/ledger"))
        .hasMessageContaining("not a DynamoDB backup ARN");
    assertThatThrownBy(() -> new Ref.DynamoBackup("ledger")).isInstanceOf(IllegalArgumentException.class);
  }
}
