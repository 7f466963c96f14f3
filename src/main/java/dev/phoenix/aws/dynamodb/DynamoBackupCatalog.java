package dev.phoenix.aws.dynamodb;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Datastore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * For {@code verify}: every on-demand backup of a datastore's table (user or AWS Backup made,
 * whatever its status) as a backup taken at its {@code BackupCreationDateTime}; the check is
 * {@link DynamoBackupChecker}'s (DescribeBackup says AVAILABLE). DynamoDB never hands out a
 * backup's bytes, so {@code --deep} has nothing more to hash.
 */
final class DynamoBackupCatalog implements BackupCatalog {
  static final String NO_BYTES = "DynamoDB keeps a backup's data to itself: its status is what can be read";
  private final DynamoBackups backups;
  private final DynamoBackupChecker checker;

  DynamoBackupCatalog(DynamoBackups backups, DynamoBackupChecker checker) {
    this.backups = backups;
    this.checker = checker;
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return where instanceof Datastore.DynamoDbBackups;
  }

  @Override
  public List<Backup> list(Datastore.Backups where) {
    Datastore.DynamoDbBackups table = (Datastore.DynamoDbBackups) where;
    List<Backup> out = new ArrayList<>();
    try {
      backups.backups(table.table(), Instant.now()).stream()
          .filter(b -> b.backupCreationDateTime() != null && b.backupArn() != null)
          .forEach(b -> out.add(new Backup(new Ref.DynamoBackup(b.backupArn()), b.backupCreationDateTime(),
              "BackupCreationDateTime", b.backupSizeBytes() == null ? -1 : b.backupSizeBytes())));
    } catch (AwsException e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE,
          "cannot list the backups in " + table.describe() + ": " + e.getMessage(),
          "check the credentials (dynamodb:ListBackups, dynamodb:DescribeBackup) and the endpoint");
    }
    out.sort(Backup.BY_TIME);
    return List.copyOf(out);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Backup> some, CheckOptions options) {
    return BackupCatalog.byStatus(checker, some, options, NO_BYTES);
  }
}
