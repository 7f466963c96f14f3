package dev.phoenix.aws.dynamodb;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Phoenix's one DynamoDB connection in one region. Close when done. */
public final class DynamoService implements AutoCloseable {
  private final DynamoDbClient dynamo;

  private DynamoService(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  public static DynamoService connect(AwsConfig config) {
    return new DynamoService(AwsClients.build(DynamoDbClient.builder(), config));
  }

  /** Which on-demand backup, or which point in time, holds a table's data as at a date. */
  public DynamoBackups backups() {
    return new DynamoBackups(dynamo);
  }

  /** verify and preflight: the pinned backup exists and is available. */
  public DynamoBackupChecker checker() {
    return new DynamoBackupChecker(dynamo);
  }

  /** Restores of on-demand backups (what Terraform cannot do) and item counts of restored tables. */
  public DynamoRestores restores() {
    return new DynamoRestores(dynamo);
  }

  /** {@code phoenix verify}: every on-demand backup of a datastore's table, each checked as the checker does. */
  public dev.phoenix.check.BackupCatalog catalog() {
    return new DynamoBackupCatalog(backups(), checker());
  }

  /** {@code phoenix protect}: every available on-demand backup of a datastore's table, with its time. */
  public dev.phoenix.check.BackupListing listing() {
    return new DynamoBackupListing(backups());
  }

  /** {@code phoenix protect}'s marks: keep tags naming the backup, on the backup's table. */
  public dev.phoenix.check.Keeper keeper() {
    return new DynamoKeeper(new DynamoTableTags(dynamo));
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
