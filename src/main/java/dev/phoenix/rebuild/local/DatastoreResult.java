package dev.phoenix.rebuild.local;

import dev.phoenix.check.Backup;

/**
 * One datastore of a local drill: the backup chosen for D (null when none could be), and either
 * what the restore gave ({@code restored}) or why it failed ({@code failure}, value-free: names the
 * datastore, the backup and what to do). Neither: chosen, not yet restored.
 */
public record DatastoreResult(String stack, String datastore, String engine, Backup chosen,
    LocalDatastoreRestore.Restored restored, String failure) {

  public boolean ok() {
    return restored != null && failure == null;
  }

  public boolean failed() {
    return failure != null;
  }
}
