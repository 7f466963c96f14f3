package dev.phoenix.rebuild.aws;

import dev.phoenix.synth.DatastoreSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * What was chosen for one datastore, for the synthesis and the drill record.
 *
 * @param name the datastore
 * @param stack its blueprint stack
 * @param spec what synth builds
 * @param pinned exactly what was used: a snapshot or backup ARN, or {@code <instance or table>@<time>}
 *     for a point-in-time restore
 * @param dataTime the moment the restored data is from
 * @param rpo the rebuild's date minus {@code dataTime}: the RPO achieved
 * @param note a line for the output ({@code restored … from …}, {@code to restore … (when applied)})
 */
public record RestoredDatastore(String name, String stack, DatastoreSpec spec, String pinned, Instant dataTime,
    Duration rpo, String note) {}
