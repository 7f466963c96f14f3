package dev.phoenix.rebuild.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * How a local drill brings its datastores back: from {@code dumps}, as at {@code at} (the newest
 * dump taken at or before it), each dump streamed into {@code work} while it is restored (deleted
 * after), {@code pg_restore} with {@code jobs} parallel jobs; {@code told} hears of each datastore
 * as its backup is chosen and again when its restore ends.
 */
public record DataRestore(DumpStore dumps, Instant at, Path work, int jobs, Consumer<DatastoreResult> told) {
  public DataRestore {
    jobs = Math.max(1, jobs);
    told = told == null ? r -> { } : told;
  }

  /** No dumps store: an estate with datastores fails its drill before anything starts, saying why. */
  public static DataRestore none() {
    return new DataRestore(DumpStore.none(), Instant.now(), Path.of(System.getProperty("java.io.tmpdir")), 1, null);
  }
}
