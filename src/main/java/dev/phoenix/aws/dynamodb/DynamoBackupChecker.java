package dev.phoenix.aws.dynamodb;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;

/**
 * DynamoDB on-demand backups a datastore's restore pins: DescribeBackup once per backup.
 * AVAILABLE is OK; not found or DELETED is MISSING; CREATING is UNKNOWN (not restorable yet).
 */
public final class DynamoBackupChecker implements RefChecker {
  private final DynamoDbClient dynamo;

  DynamoBackupChecker(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.DynamoBackup;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Set<Ref.DynamoBackup> mine = new LinkedHashSet<>();
    refs.stream().filter(this::handles).forEach(r -> mine.add((Ref.DynamoBackup) r));
    List<Checks.Job> jobs = new ArrayList<>();
    for (Ref.DynamoBackup b : mine) {
      jobs.add(new Checks.Job(b.store(), List.of(b), () -> Map.of(b, one(b))));
    }
    return Checks.jobs(refs, jobs, options);
  }

  Finding one(Ref.DynamoBackup ref) {
    try {
      var details = dynamo.describeBackup(b -> b.backupArn(ref.arn())).backupDescription().backupDetails();
      if (details.backupStatus() == BackupStatus.AVAILABLE) {
        return Finding.ok("backup taken " + details.backupCreationDateTime());
      }
      if (details.backupStatus() == BackupStatus.DELETED) {
        return Finding.missing("backup deleted");
      }
      return Finding.unknown("backup status " + details.backupStatusAsString() + ": not restorable yet");
    } catch (SdkException e) {
      AwsFailure failure = AwsFailure.of(e, DynamoBackups.NOT_FOUND, false, true);
      return failure.kind() == AwsFailure.Kind.NOT_FOUND ? Finding.missing("backup not found")
          : failure.unknown("DescribeBackup");
    } catch (AwsException e) {
      return Finding.unknown(e.getMessage());
    }
  }
}
