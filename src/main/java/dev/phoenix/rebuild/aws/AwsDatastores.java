package dev.phoenix.rebuild.aws;

import dev.phoenix.history.When;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Stack;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.Resolved;
import dev.phoenix.synth.DatastoreSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estate's datastores as the aws target restores them: which ones it can (RDS snapshots or
 * point in time, DynamoDB backups or point in time), the date their data belongs to, and what the
 * chosen restores become for synthesis and the drill record. Dumps in S3 are restored by local
 * drills only (an RDS instance cannot load a {@code pg_dump} file): they are named in a note.
 */
final class AwsDatastores {
  /** The instance class of a restored RDS copy (docs/aws-resources.md). */
  static final String INSTANCE_CLASS = "db.t3.micro";

  private AwsDatastores() {}

  /** What was chosen: the specs by stack, the record's entries and the lines for the user. */
  record Chosen(Map<String, List<DatastoreSpec>> byStack, List<DrillRecord.DataUsed> used, List<String> notes) {
    static Chosen none(List<String> notes) {
      return new Chosen(Map.of(), List.of(), notes);
    }
  }

  /**
   * The moment whose data is brought back: the {@code --at} date-time (a bare date is the end of that
   * day), never after {@code now}; for {@code --at <commit>} or {@code HEAD~n}, {@code now} (the
   * newest data: ask for a date to get that date's). The local drill reads the date the same way.
   */
  static Instant dataDate(Resolved resolved, Instant now) {
    When asked = resolved.revision().asked();
    return asked instanceof When.AtTime t && !t.instant().isAfter(now) ? t.instant() : now;
  }

  /** Every datastore the aws target restores, in stack order; {@code notes} hears of those it does not. */
  static List<AwsDatastoreRestore> wanted(Estate estate, String region, List<String> notes) {
    List<AwsDatastoreRestore> out = new ArrayList<>();
    for (Stack stack : estate.stacks()) {
      for (Datastore d : stack.datastores()) {
        if (d.backups() instanceof Datastore.RdsSnapshots r) {
          out.add(AwsDatastoreRestore.rds(d.name(), stack.name(), r.instance(), region, engine(d), INSTANCE_CLASS,
              port(d)));
        } else if (d.backups() instanceof Datastore.DynamoDbBackups t) {
          out.add(AwsDatastoreRestore.dynamo(d.name(), stack.name(), t.table(), region));
        } else {
          notes.add("datastore " + d.name() + ": its backups are dumps in " + d.backups().describe()
              + "; the aws target restores RDS snapshots and DynamoDB backups only (a local drill restores dumps)");
        }
      }
    }
    return out;
  }

  static Chosen chosen(List<RestoredDatastore> restored) {
    Map<String, List<DatastoreSpec>> byStack = new LinkedHashMap<>();
    List<DrillRecord.DataUsed> used = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RestoredDatastore r : restored) {
      byStack.computeIfAbsent(r.stack(), k -> new ArrayList<>()).add(r.spec());
      used.add(used(r));
      notes.add(r.note());
    }
    return new Chosen(byStack, used, notes);
  }

  /** The record's entry: the backup ARN (or {@code source@time} for PITR), its time and the RPO achieved. */
  static DrillRecord.DataUsed used(RestoredDatastore r) {
    String engine = r.spec() instanceof DatastoreSpec.RdsInstance rds ? rds.engine() : "dynamodb";
    return new DrillRecord.DataUsed(r.name(), engine, r.pinned(), null, r.dataTime().toString(),
        r.rpo().toMillis(), dev.phoenix.core.Durations.span(r.rpo()), null, null, DrillRecord.DataUsed.CHOSEN, null);
  }

  private static String engine(Datastore d) {
    return d.engine().word();
  }

  private static int port(Datastore d) {
    return d.engine() == Datastore.DbEngine.POSTGRES ? 5432 : 0;
  }
}
