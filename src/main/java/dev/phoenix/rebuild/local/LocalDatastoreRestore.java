package dev.phoenix.rebuild.local;

import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.Ref;
import dev.phoenix.core.Durations;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Sensitive;
import dev.phoenix.docker.ContainerSpec;
import dev.phoenix.docker.Docker;
import dev.phoenix.model.Datastore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A postgres datastore of a local drill, back as it was at D: the server started from its pinned
 * image first; the dump that belongs to D ({@link Backup#at}) streamed by versionId to a private file
 * with its sha256 checked; {@code pg_restore} (the host's PostgreSQL binaries, parallel jobs) against
 * the container's published port; the probe run and only its count kept. Nothing of the data is ever
 * printed: tool output is not quoted (it can hold rows), only exit codes and counts.
 */
public final class LocalDatastoreRestore {
  /**
   * What the drill pins and reports of one restored datastore: {@code restoreTime} from the
   * container's start through the probe, of which {@code fetchTime} streaming and hashing the dump
   * and {@code pgRestoreTime} pg_restore itself.
   */
  public record Restored(String datastore, String backup, String sha256, Instant takenAt, Duration rpoAchieved,
      Duration restoreTime, Duration fetchTime, Duration pgRestoreTime, long probeCount, String containerId,
      String alias, Sensitive address, int hostPort) {}

  private static final Duration READY = Duration.ofSeconds(90);
  private final Docker docker;
  private final BackupCatalog catalog;
  private final Function<Ref.S3Object, InputStream> dumps;
  private final Path work;
  private final int jobs;

  /** {@code dumps} opens one dump version's bytes; {@code work} holds the dump while it is restored (deleted after). */
  public LocalDatastoreRestore(Docker docker, BackupCatalog catalog, Function<Ref.S3Object, InputStream> dumps, Path work,
      int jobs) {
    this.docker = docker;
    this.catalog = catalog;
    this.dumps = dumps;
    this.work = work;
    this.jobs = Math.max(1, jobs);
  }

  /** Choose, start, fetch, restore, probe, with a fresh password; any failure is a CHECK_FAILED PhoenixException. */
  public Restored restore(Datastore d, String imageDigestReference, Instant at, String containerName, String network,
      Map<String, String> labels) {
    return restore(d, choose(d, at), imageDigestReference, at, newPassword(), containerName, network, labels, s -> { });
  }

  /**
   * The backup that belongs to {@code at}: the newest in the catalog taken at or before it. A
   * CHECK_FAILED PhoenixException when there is none or the datastore is not one a local drill
   * restores; UNAVAILABLE when the store cannot be listed.
   */
  public Backup choose(Datastore d, Instant at) {
    if (d.engine() != Datastore.DbEngine.POSTGRES || !(d.backups() instanceof Datastore.S3Dumps)) {
      throw fail(d, "a local drill restores postgres datastores from s3 dumps; " + d.engine().word() + " from "
          + d.backups().kind() + " backups is the aws target's", "rebuild with --target aws");
    }
    return Backup.at(catalog.list(d.backups()), at).orElseThrow(() -> fail(d,
        "no backup in " + d.backups().describe() + " was taken at or before " + at,
        "rebuild at a later date, or upload a dump (phoenix verify names the gaps)"));
  }

  /**
   * Start the server from its pinned image (superuser password {@code password}), fetch {@code
   * chosen} by versionId, check its sha256, restore it, run the probe. {@code started} hears of the
   * container once it runs. Any failure is a CHECK_FAILED PhoenixException with a clear reason; the
   * container is then left for inspection (it carries the drill's labels: teardown removes it).
   */
  public Restored restore(Datastore d, Backup chosen, String imageDigestReference, Instant at, String password,
      String containerName, String network, Map<String, String> labels, java.util.function.Consumer<String> started) {
    long t0 = System.nanoTime();
    docker.pullByDigest(imageDigestReference);
    String id = docker.run(new ContainerSpec(containerName, imageDigestReference,
        Map.of("POSTGRES_PASSWORD", password), labels, 5432, network, d.name()));
    started.accept("container " + containerName + " started (datastore " + d.name() + ")");
    int port = docker.inspect(id).hostPort().orElseThrow(() -> fail(d, "the server's port 5432 is not published", null));
    Path dump = null;
    try {
      long f0 = System.nanoTime();
      dump = fetch(d, chosen);
      Duration fetchTime = Durations.since(f0);
      waitReady(d, id, port, password);
      Map<String, String> env = Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10");
      long r0 = System.nanoTime();
      int code = run(List.of(tool("pg_restore"), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
          "-d", "postgres", "-j", Integer.toString(jobs), "--no-owner", "--no-privileges", "--exit-on-error",
          dump.toString()), env, Duration.ofHours(6)).code();
      Duration pgRestoreTime = Durations.since(r0);
      if (code != 0) {
        throw fail(d, "pg_restore of " + chosen.object().id() + " exited " + code
            + " (its messages are not shown: they can quote rows)", "restore the dump by hand to see why");
      }
      Proc probe = run(List.of(tool("psql"), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
          "-d", "postgres", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", d.probe().sql()), env,
          Duration.ofMinutes(10));
      long count = probe.code() == 0 ? count(probe.out()) : -1;
      if (probe.code() != 0 || count < 0) {
        throw fail(d, "the probe (" + d.probe().sql() + ") " + (probe.code() != 0 ? "failed with exit " + probe.code()
            : "did not return one count"), "fix probe.sql in the blueprint: one select returning a count");
      }
      if (count < d.probe().min()) {
        throw fail(d, "the probe (" + d.probe().sql() + ") counted " + count + ", below its minimum " + d.probe().min(),
            "the restored data is not usable: check the dump of " + chosen.object().id());
      }
      return new Restored(d.name(), chosen.object().id(), chosen.sha256(), chosen.takenAt(),
          chosen.rpoAt(at), Durations.since(t0), fetchTime, pgRestoreTime, count, id, d.name(),
          address(d, password), port);
    } finally {
      if (dump != null) {
        try {
          Files.deleteIfExists(dump);
        } catch (IOException ignored) {
          // the work directory is the drill's own
        }
      }
    }
  }

  /** What services are given for {@code {datastore: NAME}}: the server's address on the drill's network. */
  public static Sensitive address(Datastore d, String password) {
    return Sensitive.of("postgres://postgres:" + password + "@" + d.name() + ":5432/postgres");
  }

  /** A fresh superuser password for one datastore of one drill (36 hex digits). */
  public static String newPassword() {
    return randomPassword();
  }

  /** The dump version streamed to a private file, hashed on the way; its sha256 must be the recorded one. */
  private Path fetch(Datastore d, Backup chosen) {
    try {
      Files.createDirectories(work);
      Path file = Files.createTempFile(work, d.name() + "-", ".dump",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(dumps.apply(chosen.dump()), sha);
          OutputStream out = Files.newOutputStream(file)) {
        in.transferTo(out);
      }
      String actual = HexFormat.of().formatHex(sha.digest());
      String recorded = chosen.sha256();
      if (recorded != null && !recorded.equals(actual)) {
        Files.deleteIfExists(file);
        throw fail(d, "the dump " + chosen.object().id() + " is CORRUPT: its bytes hash to " + actual
            + ", its recorded sha256 is " + recorded, "restore from another dump (rebuild at an earlier date)");
      }
      return file;
    } catch (IOException e) {
      throw fail(d, "fetching the dump " + chosen.object().id() + " failed: " + e.getClass().getSimpleName(), null);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void waitReady(Datastore d, String id, int port, String password) {
    Instant until = Instant.now().plus(READY);
    while (Instant.now().isBefore(until)) {
      if (docker.inspect(id).exited()) {
        throw fail(d, "the server container exited before accepting connections", "see docker logs of the container");
      }
      // a real query, not pg_isready: the server restarts once after initdb
      Proc p = run(List.of(tool("psql"), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
          "-d", "postgres", "-X", "-q", "-t", "-A", "-c", "select 1"), Map.of("PGPASSWORD", password,
          "PGCONNECT_TIMEOUT", "3"), Duration.ofSeconds(10));
      if (p.code() == 0) {
        return;
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(d, "interrupted while waiting for the server", null);
      }
    }
    throw fail(d, "the server did not accept connections within " + Durations.elapsed(READY), null);
  }

  private record Proc(int code, String out) {}

  /** Runs a tool; its stderr is discarded (it can quote rows), its stdout kept for the probe's count only. */
  private static Proc run(List<String> command, Map<String, String> env, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(4096);
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Proc(-1, "");
      }
      return new Proc(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PhoenixException(PhoenixException.Kind.INPUT, command.get(0) + " could not be run: "
          + e.getClass().getSimpleName(), "install the PostgreSQL 15 client (postgresql-client-15)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Proc(-1, "");
    }
  }

  /** One whole number and nothing else: the probe's count. */
  static long count(String out) {
    String t = out.strip();
    return t.matches("[0-9]{1,18}") ? Long.parseLong(t) : -1;
  }

  private static String tool(String name) {
    Path pg15 = Path.of("/usr/lib/postgresql/15/bin", name);
    return Files.isExecutable(pg15) ? pg15.toString() : name;
  }

  private static String randomPassword() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static PhoenixException fail(Datastore d, String why, String fix) {
    return new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "datastore " + d.name() + ": " + why, fix);
  }
}
