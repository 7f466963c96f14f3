package dev.phoenix.rebuild.local.bench;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.s3.S3Service;
import dev.phoenix.check.Backup;
import dev.phoenix.docker.Docker;
import dev.phoenix.model.Datastore;
import dev.phoenix.rebuild.local.LocalDatastoreRestore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The restore phase of a local drill for scripts/bench-restore, through the drill's own code path:
 * {@link LocalDatastoreRestore} built as LocalDrill builds it (the run's S3 dumps catalog and its
 * streamed GetObject, a work directory, pg_restore jobs), the backup chosen for D first (timed on its
 * own: the drill does it before anything starts), then the restore: the server started from the
 * pinned image, the dump streamed and hashed, pg_restore, the probe. Prints one
 * {@code key=value} line per figure; the container and network are removed after.
 *
 * <p>Arguments: ENDPOINT BUCKET PREFIX IMAGE_DIGEST_REFERENCE WORK_DIR JOBS PROBE_SQL
 */
public final class BenchRestore {
  private BenchRestore() {}

  public static void main(String[] args) {
    String endpoint = args[0];
    String bucket = args[1];
    String prefix = args[2];
    String image = args[3];
    Path work = Path.of(args[4]);
    int jobs = Integer.parseInt(args[5]);
    String probe = args[6];
    String run = UUID.randomUUID().toString().substring(0, 6);
    Map<String, String> labels = Map.of("phoenix-bench", "restore-" + run);
    Datastore d = new Datastore("bench-db", Datastore.DbEngine.POSTGRES, "bench-postgres",
        new Datastore.S3Dumps(bucket, prefix), Duration.ofHours(24), new Datastore.RestoreProbe(probe, 1));
    AwsConfig config = AwsConfig.forEndpoint(java.net.URI.create(endpoint), System.getenv().getOrDefault("AWS_REGION", "us-east-1"),
        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
    try (Docker docker = Docker.connect(); S3Service s3 = S3Service.connect(config)) {
      String network = "phoenix-bench-restore-" + run;
      docker.createNetwork(network, labels);
      try {
        LocalDatastoreRestore restorer = new LocalDatastoreRestore(docker, s3.backups(), s3.backups()::open, work, jobs);
        // as LocalDrill: the backup for D chosen before anything starts, then the restore itself
        Instant at = Instant.now();
        long c0 = System.nanoTime();
        Backup chosen = restorer.choose(d, at);
        double choose = (System.nanoTime() - c0) / 1e9;
        long t0 = System.nanoTime();
        LocalDatastoreRestore.Restored r = restorer.restore(d, chosen, image, at, LocalDatastoreRestore.newPassword(),
            "phoenix-bench-restore-" + run, network, labels, s -> { });
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "phoenix_choose_s=%.2f%n", choose);
        System.out.printf(Locale.ROOT, "phoenix_wall_s=%.2f%n", wall);
        System.out.printf(Locale.ROOT, "phoenix_restore_s=%.2f%n", r.restoreTime().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "phoenix_fetch_s=%.2f%n", r.fetchTime().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "phoenix_pg_restore_s=%.2f%n", r.pgRestoreTime().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "phoenix_probe_count=%d%n", r.probeCount());
      } finally {
        for (var c : docker.containers(labels)) {
          docker.removeContainer(c.id());
        }
        docker.network(network).ifPresent(n -> docker.removeNetwork(n.id()));
      }
    }
  }
}
