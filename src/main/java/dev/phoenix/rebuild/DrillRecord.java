package dev.phoenix.rebuild;

import java.util.List;

/**
 * What one rebuild (a drill, or a real recovery) did, written to {@code
 * drills/<env>/<timestamp>-<id>.json}; schema in docs/drills.md. Value-free: it names every
 * artefact digest/version and config version used, never a configuration value.
 *
 * @param schema always {@value #SCHEMA}
 * @param id random 8 hex digits, also in the file name
 * @param environment the environment rebuilt
 * @param target the target word (aws, local, ...)
 * @param by who ran it, {@code user@host}
 * @param startedAt when it started (ISO-8601 UTC)
 * @param finishedAt when the record was written (ISO-8601 UTC)
 * @param asked the {@code --at} text as given
 * @param understoodAs how {@code asked} was read
 * @param lockfileCommit full id of the lockfile commit rebuilt, or null when resolve failed
 * @param committedAt when that commit was made
 * @param phoenixVersion the Phoenix version that ran
 * @param mode {@code plan} or {@code apply}
 * @param outcome succeeded, failed, planned, stopped-at-preflight, stopped-after-synth or interrupted
 * @param failureReason why it failed or stopped (value-free), or null
 * @param recoveryMillis total time from start to record, in milliseconds
 * @param phases each phase that ran, in order
 * @param artefacts every artefact pinned by the lockfile commit
 * @param config every configuration source (kind and version only, never a value)
 * @param materialized pinned config copied into rebuild-scoped places (value-free)
 * @param stacks what happened to each stack
 * @param preflight problems found by preflight (reference and status), empty when all OK
 * @param started what the target started or created, in order (containers, networks, stack
 *     applies), value-free; what an interrupted rebuild left behind
 * @param data each datastore's data: exactly which backup was used (or chosen, when the restore
 *     failed) and the RPO achieved; empty for an estate without datastores
 * @param region the region rebuilt from: the mirror region whose copies were used ({@code rebuild
 *     --region} of a mirror in regions.yaml), else the {@code --region} given, else null
 */
public record DrillRecord(
    String schema,
    String id,
    String environment,
    String target,
    String by,
    String startedAt,
    String finishedAt,
    String asked,
    String understoodAs,
    String lockfileCommit,
    String committedAt,
    String phoenixVersion,
    String mode,
    String outcome,
    String failureReason,
    long recoveryMillis,
    List<Phase> phases,
    List<ArtefactUsed> artefacts,
    List<ConfigUsed> config,
    List<String> materialized,
    List<Deployed.StackRun> stacks,
    List<PreflightIssue> preflight,
    List<String> started,
    List<DataUsed> data,
    String region) {

  /** A record without {@code region} (records written before it existed read it as null). */
  public DrillRecord(String schema, String id, String environment, String target, String by, String startedAt,
      String finishedAt, String asked, String understoodAs, String lockfileCommit, String committedAt,
      String phoenixVersion, String mode, String outcome, String failureReason, long recoveryMillis,
      List<Phase> phases, List<ArtefactUsed> artefacts, List<ConfigUsed> config, List<String> materialized,
      List<Deployed.StackRun> stacks, List<PreflightIssue> preflight, List<String> started, List<DataUsed> data) {
    this(schema, id, environment, target, by, startedAt, finishedAt, asked, understoodAs, lockfileCommit,
        committedAt, phoenixVersion, mode, outcome, failureReason, recoveryMillis, phases, artefacts, config,
        materialized, stacks, preflight, started, data, null);
  }

  /** A record without {@code data} (records written before it existed read as an empty list). */
  public DrillRecord(String schema, String id, String environment, String target, String by, String startedAt,
      String finishedAt, String asked, String understoodAs, String lockfileCommit, String committedAt,
      String phoenixVersion, String mode, String outcome, String failureReason, long recoveryMillis,
      List<Phase> phases, List<ArtefactUsed> artefacts, List<ConfigUsed> config, List<String> materialized,
      List<Deployed.StackRun> stacks, List<PreflightIssue> preflight, List<String> started) {
    this(schema, id, environment, target, by, startedAt, finishedAt, asked, understoodAs, lockfileCommit,
        committedAt, phoenixVersion, mode, outcome, failureReason, recoveryMillis, phases, artefacts, config,
        materialized, stacks, preflight, started, List.of(), null);
  }

  /** A record without {@code started} (records written before it existed read as an empty list). */
  public DrillRecord(String schema, String id, String environment, String target, String by, String startedAt,
      String finishedAt, String asked, String understoodAs, String lockfileCommit, String committedAt,
      String phoenixVersion, String mode, String outcome, String failureReason, long recoveryMillis,
      List<Phase> phases, List<ArtefactUsed> artefacts, List<ConfigUsed> config, List<String> materialized,
      List<Deployed.StackRun> stacks, List<PreflightIssue> preflight) {
    this(schema, id, environment, target, by, startedAt, finishedAt, asked, understoodAs, lockfileCommit,
        committedAt, phoenixVersion, mode, outcome, failureReason, recoveryMillis, phases, artefacts, config,
        materialized, stacks, preflight, List.of(), List.of());
  }


  public DrillRecord {
    started = started == null ? List.of() : List.copyOf(started);
    data = data == null ? List.of() : List.copyOf(data);
  }

  public static final String SCHEMA = "phoenix/drill-record/v1";

  /** @param durationMillis wall-clock milliseconds; @param status ok, failed or stopped */
  public record Phase(String name, long durationMillis, String status, String summary) {}

  /**
   * @param reference digest reference, {@code s3://bucket/key?versionId=…} or AMI id
   * @param sha256 pinned sha256 of a Lambda package, else null
   */
  public record ArtefactUsed(String name, String type, String version, String reference, String sha256) {}

  /**
   * @param kind ssm, secret or value
   * @param source {@code /prod/db-url}, a secret id, or null for a plain value (not recorded)
   * @param version SSM version, Secrets Manager versionId, or null for a plain value
   */
  public record ConfigUsed(String block, String name, String kind, String source, String version) {}

  /** @param reference value-free reference; @param status MISSING, CORRUPT or UNKNOWN */
  public record PreflightIssue(String reference, String status, String reason) {}

  /**
   * The data one datastore was brought back with. Value-free: names the backup, never a row.
   *
   * @param datastore its name in the blueprint
   * @param engine postgres, dynamodb, ...
   * @param backup exactly what was used: {@code s3://bucket/key?versionId=…}, a snapshot or backup
   *     ARN, or {@code <instance or table>@<time>} for a point-in-time restore
   * @param sha256 the dump's sha256, checked against its bytes before the restore (s3 dumps), else null
   * @param takenAt when the backup was taken (ISO-8601 UTC): the moment the data is from
   * @param rpoAchievedMillis the rebuild's date minus {@code takenAt}, in milliseconds
   * @param rpoAchieved the same for people: {@code 7h}, {@code 1d 2h 5m}
   * @param restoreMillis start of the datastore through its probe, in milliseconds; null when not restored
   * @param probeCount the probe's count (a count, never rows); null when the probe did not run
   * @param status {@code restored}, {@code failed}, or {@code chosen} (planned, restored on apply)
   * @param reason why it failed (value-free), or null
   */
  public record DataUsed(String datastore, String engine, String backup, String sha256, String takenAt,
      Long rpoAchievedMillis, String rpoAchieved, Long restoreMillis, Long probeCount, String status, String reason) {
    public static final String RESTORED = "restored";
    public static final String FAILED = "failed";
    public static final String CHOSEN = "chosen";
  }
}
