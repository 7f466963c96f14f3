package dev.phoenix.rebuild.aws;

import dev.phoenix.aws.dynamodb.DynamoRestorePoint;
import dev.phoenix.aws.dynamodb.DynamoService;
import dev.phoenix.aws.rds.RdsRestorePoint;
import dev.phoenix.aws.rds.RdsService;
import dev.phoenix.check.Backup;
import dev.phoenix.check.MirrorBackups;
import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Datastore;
import dev.phoenix.synth.DatastoreSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The data of each datastore as at the rebuild's date D, for the aws target: the restore point
 * ({@code aws/rds}, {@code aws/dynamodb}: PITR to D exactly where the window allows it, else the
 * newest snapshot or on-demand backup taken at or before D) turned into a {@link DatastoreSpec}.
 * What the provider cannot do — a table from an on-demand backup ARN — is done here through the
 * SDK, in an {@code --apply} run only, before the engine runs (as SSM versions are materialized):
 * the table {@code <namePrefix>-<datastore>-<drill id>} tagged {@code phoenix:rebuild}. A plan-only
 * run writes nothing and names the table it will have.
 */
public final class DatastoreRestores {
  private final Function<String, RdsService> rds;
  private final Function<String, DynamoService> dynamo;
  private final MirrorCopies copies;

  /** {@code rds} and {@code dynamo}: the run's services by region (null: the run's region), e.g. from Stores. */
  public DatastoreRestores(Function<String, RdsService> rds, Function<String, DynamoService> dynamo) {
    this(rds, dynamo, null);
  }

  private DatastoreRestores(Function<String, RdsService> rds, Function<String, DynamoService> dynamo,
      MirrorCopies copies) {
    this.rds = rds;
    this.dynamo = dynamo;
    this.copies = copies;
  }

  /**
   * The same restores in a mirror region (rebuild --region): an RDS datastore from the newest copy of
   * its snapshots the ledger records there, taken (in the primary) at or before D, never a point in
   * time (the instance and its automated backups are the primary's); a DynamoDB datastore has no
   * backup there (not mirrorable).
   */
  public DatastoreRestores inMirror(MirrorCopies mirror) {
    return new DatastoreRestores(rds, dynamo, mirror);
  }

  /**
   * Every datastore's restore as at {@code at}; all datastores with nothing at or before the date
   * are reported at once (exit 1: the data of that date cannot be brought back).
   */
  public List<RestoredDatastore> resolve(List<AwsDatastoreRestore> datastores, Instant at, Instant now,
      String namePrefix, String drillId, boolean apply) {
    List<RestoredDatastore> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (AwsDatastoreRestore d : datastores) {
      if (copies != null && d.source() instanceof AwsDatastoreRestore.Dynamo t) {
        missing.add(d.name() + " (dynamodb table " + t.table() + ": " + MirrorBackups.NOT_MIRRORABLE + ")");
        continue;
      }
      Optional<RestoredDatastore> restored = d.source() instanceof AwsDatastoreRestore.Rds r
          ? copies != null ? mirrored(d, r, at) : rds(d, r, at, now)
          : dynamo(d, (AwsDatastoreRestore.Dynamo) d.source(), at, namePrefix + "-" + d.name() + "-" + drillId, apply);
      restored.ifPresentOrElse(out::add, () -> missing.add(d.name() + " (" + describe(d.source()) + ")"));
    }
    if (!missing.isEmpty()) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED,
          "no backup at or before " + at + (copies == null ? "" : " in " + copies.region() + " (copies the ledger records)")
              + " for datastore(s): " + String.join(", ", missing),
          "rebuild at a later date, or restore the missing backup; phoenix verify names the gaps");
    }
    return out;
  }

  private Optional<RestoredDatastore> rds(AwsDatastoreRestore d, AwsDatastoreRestore.Rds source, Instant at, Instant now) {
    return rds.apply(d.region()).backups().restorePoint(source.instance(), at, now).map(p -> {
      DatastoreSpec spec = p.kind() == RdsRestorePoint.Kind.SNAPSHOT
          ? DatastoreSpec.RdsInstance.fromSnapshot(d.name(), d.engine(), d.instanceClass(), d.port(), p.snapshotId())
          : DatastoreSpec.RdsInstance.toPointInTime(d.name(), d.engine(), d.instanceClass(), d.port(),
              source.instance(), at);
      String pinned = p.kind() == RdsRestorePoint.Kind.SNAPSHOT ? p.snapshotArn() : source.instance() + "@" + at;
      return new RestoredDatastore(d.name(), d.stack(), spec, pinned, p.dataTime(), p.rpo(),
          d.name() + ": " + p.describe());
    });
  }

  /** The newest copy in the mirror region of a snapshot taken at or before {@code at}, as the ledger records it. */
  private Optional<RestoredDatastore> mirrored(AwsDatastoreRestore d, AwsDatastoreRestore.Rds source, Instant at) {
    return Backup.at(copies.backups(new Datastore.RdsSnapshots(source.instance())), at).map(b -> {
      Ref.RdsSnapshot copy = (Ref.RdsSnapshot) b.object();
      RdsRestorePoint p = new RdsRestorePoint(source.instance(), RdsRestorePoint.Kind.SNAPSHOT, copy.arn(),
          copy.snapshotId(), b.takenAt(), b.rpoAt(at));
      DatastoreSpec spec = DatastoreSpec.RdsInstance.fromSnapshot(d.name(), d.engine(), d.instanceClass(), d.port(),
          copy.snapshotId());
      return new RestoredDatastore(d.name(), d.stack(), spec, copy.arn(), b.takenAt(), b.rpoAt(at),
          d.name() + ": the copy in " + copies.region() + " of " + p.describe());
    });
  }

  private Optional<RestoredDatastore> dynamo(AwsDatastoreRestore d, AwsDatastoreRestore.Dynamo source, Instant at,
      String table, boolean apply) {
    DynamoService service = dynamo.apply(d.region());
    return service.backups().restorePoint(source.table(), at).map(p -> {
      if (p.kind() == DynamoRestorePoint.Kind.POINT_IN_TIME) {
        return new RestoredDatastore(d.name(), d.stack(),
            new DatastoreSpec.DynamoPointInTime(d.name(), source.table(), at, p.hashKey(), p.rangeKey(), p.keyTypes()),
            source.table() + "@" + at, at, p.rpo(), d.name() + ": " + p.describe());
      }
      String note;
      if (apply) {
        service.restores().restore(p.backupArn(), table, Map.of("phoenix:datastore", d.name()));
        note = d.name() + ": restored table " + table + " from " + p.describe();
      } else {
        note = d.name() + ": to restore table " + table + " from " + p.describe() + " (restored when applied)";
      }
      return new RestoredDatastore(d.name(), d.stack(), new DatastoreSpec.DynamoFromBackup(d.name(), table,
          p.backupArn()), p.backupArn(), p.dataTime(), p.rpo(), note);
    });
  }

  private static String describe(AwsDatastoreRestore.Origin source) {
    return source instanceof AwsDatastoreRestore.Rds r ? "rds instance " + r.instance()
        : "dynamodb table " + ((AwsDatastoreRestore.Dynamo) source).table();
  }
}
