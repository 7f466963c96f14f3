package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.lockfile.LedgerReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.registry.TestProxy;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * {@code phoenix mirror --yes} killed as a process (SIGKILL, {@code destroyForcibly}) in the middle
 * of a run, then run again to the end: every reference is mirrored, the ledger parses and names
 * each reference once, no blob or manifest was stored twice in the mirror registry (its access log:
 * PUTs answered 201), no S3 object copied twice (one version per key in the mirror bucket), and the
 * second run says how many copies it found already made. Two real docker-registry processes, moto
 * for S3, Phoenix in child JVMs. The source registry is reached through a proxy that holds each
 * blob GET a little while the first run lasts, so that the run is still copying when the ledger
 * shows its first entries and the kill comes (a pace, not a timing assertion).
 */
class MirrorKillIT {
  static final String MIRROR = "eu-central-1";
  static final int REVISIONS = 2;
  static final int IMAGES_PER_REVISION = 20;
  static final int PACKAGES_PER_REVISION = 3;
  static final int TOTAL = REVISIONS * (IMAGES_PER_REVISION + PACKAGES_PER_REVISION);
  /** Bounds on waiting for a child (not timing assertions). */
  static final Duration GIVE_UP = Duration.ofMinutes(4);

  @TempDir Path dir;
  volatile boolean slow = true;

  @Test
  void aKilledRunLosesNothingAndTheNextCompletesCopyingNothingTwice() throws Exception {
    MotoServer moto = MotoServer.shared();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String sourceBucket = "kill-src-" + suffix;
    String mirrorBucket = "kill-euc1-" + suffix;
    AwsConfig aws = AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
    Path repo = Files.createDirectories(dir.resolve("repo"));
    try (LocalRegistry primary = LocalRegistry.start();
        LocalRegistry mirror = LocalRegistry.start();
        TestProxy source = new TestProxy(primary.baseUri());
        S3Client s3 = AwsClients.build(S3Client.builder().forcePathStyle(true), aws);
        S3Client s3Mirror = AwsClients.build(S3Client.builder().forcePathStyle(true), aws.withRegion(MIRROR))) {
      source.rule((request, exchange) -> {
        boolean blob = request.method().equals("GET") && request.path().contains("/blobs/sha256:");
        boolean signature = request.method().equals("HEAD") && request.path().contains("/manifests/sha256-");
        if (slow && (blob || signature)) {
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return false; // then forwarded to the primary registry
      });
      s3.createBucket(b -> b.bucket(sourceBucket));
      s3.putBucketVersioning(b -> b.bucket(sourceBucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
      s3Mirror.createBucket(b -> b.bucket(mirrorBucket).createBucketConfiguration(c -> c.locationConstraint(MIRROR)));
      s3Mirror.putBucketVersioning(b -> b.bucket(mirrorBucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

      // two revisions, each pinning 20 images (4 repositories) and 3 Lambda packages of its own
      Map<String, String> images = new LinkedHashMap<>(); // source reference id -> repository@digest
      Map<String, String> packages = new LinkedHashMap<>(); // source reference id -> sha256
      try (GitFixture git = GitFixture.init(repo)) {
        git.put("environments/prod/regions.yaml", """
            apiVersion: phoenix/v1
            kind: Regions
            primary: us-east-1
            mirrors:
              eu-central-1:
                registries: {"%s": "%s"}
                buckets: {%s: %s}
            """.formatted(source.hostPort(), mirror.hostPort(), sourceBucket, mirrorBucket));
        Instant now = Instant.now();
        for (int r = 0; r < REVISIONS; r++) {
          StringBuilder artefacts = new StringBuilder();
          for (int i = 0; i < IMAGES_PER_REVISION; i++) {
            int n = r * IMAGES_PER_REVISION + i;
            byte[] layer = new byte[96 * 1024 + n];
            new Random(n).nextBytes(layer);
            String repository = "team" + (n % 4) + "/svc";
            String digest = primary.pushSyntheticImage(repository, "build-" + n, layer);
            images.put(source.hostPort() + "/" + repository + "@" + digest, repository + "@" + digest);
            artefacts.append("""
                  image-%d:
                    type: container-image
                    version: 1.%d.0-1-abcdef0
                    image: %s/%s@%s
                """.formatted(n, n, source.hostPort(), repository, digest));
          }
          for (int i = 0; i < PACKAGES_PER_REVISION; i++) {
            int n = r * PACKAGES_PER_REVISION + i;
            String key = "functions/fn-" + n + ".zip";
            byte[] content = ("package " + n + " " + suffix).getBytes(StandardCharsets.UTF_8);
            String version = s3.putObject(b -> b.bucket(sourceBucket).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(content)).versionId();
            String sha = sha256(content);
            packages.put("s3://" + sourceBucket + "/" + key + "?versionId=" + version, sha);
            artefacts.append("""
                  package-%d:
                    type: lambda-package
                    version: 2.%d.0-1-abcdef0
                    s3: {bucket: %s, key: "%s", versionId: %s, sha256: %s}
                """.formatted(n, n, sourceBucket, key, version, sha));
          }
          git.put("environments/prod/environment.lock.yaml", """
              apiVersion: phoenix/v1
              kind: EnvironmentLock
              environment: prod
              stacks: []
              artefacts:
              """ + artefacts);
          git.commit(now.minus(Duration.ofDays(30 - r * 10L)), "prod revision " + r);
        }
        git.checkout();
      }
      assertThat(images).hasSize(REVISIONS * IMAGES_PER_REVISION);

      // 1. the first run, killed once the ledger holds a few entries and the mirror holds an image
      // the ledger does not name yet (its manifest PUT answered; the source's .sig/.att tags, looked
      // for after it and before the ledger line, are slow too)
      Process first = phoenix(repo, moto, "first", "--yes", "--concurrency", "4");
      Path ledger = repo.resolve("environments/prod/mirrors.ledger");
      long giveUp = System.nanoTime() + GIVE_UP.toNanos();
      while (entriesOrZero(ledger) < 4 || !unrecordedImageIn(mirror, ledger, images)) {
        assertThat(first.isAlive()).as("the first run ended before it was killed:\n" + read(dir.resolve("first.err")))
            .isTrue();
        assertThat(System.nanoTime()).as("the ledger got no entries in " + GIVE_UP).isLessThan(giveUp);
        Thread.sleep(10);
      }
      assertThat(first.isAlive()).as("still copying when killed").isTrue();
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      assertThat(first.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isEqualTo(137);
      slow = false;

      List<MirrorLedger.Entry> afterKill = parse(ledger).value().entries();
      assertThat(afterKill).hasSizeGreaterThanOrEqualTo(4).hasSizeLessThan(TOTAL);
      // what the killed run made but had not recorded: the next run must find it, not make it again. Counted
      // once the stores have settled: a manifest PUT or an S3 copy the killed run had sent in full is still
      // completed by the server after the kill, and the next run then finds it there.
      Set<String> recorded = afterKill.stream().map(MirrorLedger.Entry::source).collect(Collectors.toSet());
      int madeUnrecorded = settled(() -> madeUnrecorded(recorded, images, packages, mirror, s3Mirror, mirrorBucket));

      // 2. the second run, to the end
      Process second = phoenix(repo, moto, "second", "--yes");
      assertThat(second.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)).as("second run ended").isTrue();
      String out = read(dir.resolve("second.out"));
      String err = read(dir.resolve("second.err"));
      assertThat(second.exitValue()).as(out + err).isZero();
      Matcher summary = Pattern.compile("copied (\\d+), found (\\d+) already in eu-central-1, (\\d+) mirrored before")
          .matcher(out);
      assertThat(summary.find()).as(out).isTrue();
      int copied = Integer.parseInt(summary.group(1));
      int found = Integer.parseInt(summary.group(2));
      int mirroredBefore = Integer.parseInt(summary.group(3));
      System.out.printf("MirrorKillIT: killed with %d of %d recorded; the next run copied %d, found %d, %d mirrored before%n",
          afterKill.size(), TOTAL, copied, found, mirroredBefore);
      assertThat(mirroredBefore).isEqualTo(afterKill.size());
      assertThat(found).as("copies the killed run made but did not record").isEqualTo(madeUnrecorded);
      assertThat(copied).isEqualTo(TOTAL - afterKill.size() - madeUnrecorded);
      assertThat(out).contains(TOTAL + " references");

      // the ledger: parses, every reference exactly once, what the killed run recorded kept as it was
      Parsed<MirrorLedger> done = parse(ledger);
      List<String> sources = done.value().entries().stream().map(MirrorLedger.Entry::source).toList();
      assertThat(sources).hasSize(TOTAL).doesNotHaveDuplicates();
      assertThat(new TreeSet<>(sources)).isEqualTo(new TreeSet<>(union(images.keySet(), packages.keySet())));
      assertThat(done.value().entries().stream().map(MirrorKillIT::withoutLine).toList())
          .containsAll(afterKill.stream().map(MirrorKillIT::withoutLine).toList());
      assertThat(leftovers(ledger)).as("temporary files of a killed ledger write are removed").isEmpty();

      // the mirror registry: every image there, each blob and each manifest stored once
      for (String image : images.values()) {
        String[] repoDigest = image.split("@");
        assertThat(mirror.manifestStatus(repoDigest[0], repoDigest[1])).as(image).isEqualTo(200);
      }
      List<String> log = mirror.accessLog();
      Map<String, Long> blobPuts = stored(log, BLOB_PUT);
      assertThat(blobPuts).hasSize(2 * images.size()) // a config and a layer each, none shared
          .allSatisfy((blob, n) -> assertThat(n).as(blob).isEqualTo(1L));
      Map<String, Long> manifestPuts = stored(log, MANIFEST_PUT);
      assertThat(manifestPuts.keySet()).isEqualTo(new TreeSet<>(images.values()).stream()
          .map(i -> i.replace("@", "/manifests/")).collect(Collectors.toSet()));
      assertThat(manifestPuts).allSatisfy((m, n) -> assertThat(n).as(m).isEqualTo(1L));

      // the mirror bucket: one version per package, the one the ledger names, with the pinned bytes
      for (Map.Entry<String, String> pkg : packages.entrySet()) {
        List<ObjectVersion> there = versions(s3Mirror, mirrorBucket, keyOf(pkg.getKey()));
        assertThat(there).as(pkg.getKey()).hasSize(1);
        MirrorLedger.Entry entry = done.value().find(MIRROR, pkg.getKey()).orElseThrow();
        assertThat(entry.copy()).endsWith("?versionId=" + there.get(0).versionId());
        assertThat(entry.checksum()).isEqualTo("sha256:" + pkg.getValue());
        byte[] bytes = s3Mirror.getObjectAsBytes(b -> b.bucket(mirrorBucket).key(keyOf(pkg.getKey()))
            .versionId(there.get(0).versionId())).asByteArray();
        assertThat(sha256(bytes)).isEqualTo(pkg.getValue());
      }

      // a third run has nothing to do, and validate accepts the ledger
      Process third = phoenix(repo, moto, "third", "--yes");
      assertThat(third.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(third.exitValue()).as(read(dir.resolve("third.err"))).isZero();
      assertThat(read(dir.resolve("third.out"))).contains("nothing to copy: all " + TOTAL + " references are mirrored");
      RepoRun validate = RepoRun.in(repo, "validate");
      assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
    }
  }

  /** {@code phoenix mirror --env prod --to eu-central-1} in a child JVM; stdout/stderr into NAME.out/.err. */
  private Process phoenix(Path repo, MotoServer moto, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dphoenix.cache.dir=" + dir.resolve("cache"),
        "-cp", System.getProperty("java.class.path"), "dev.phoenix.cli.Main",
        "mirror", "--repo", repo.toString(), "--env", "prod", "--to", MIRROR, "--since", "90d",
        "--aws-endpoint", moto.endpoint().toString(), "--aws-region", MotoServer.REGION));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY);
    pb.environment().put("DOCKER_CONFIG", dir.resolve("no-docker-config").toString());
    return pb.start();
  }

  /** True when the mirror accepted the manifest of an image the ledger does not name (yet). */
  /** The references the mirror holds that {@code recorded} does not name. */
  private static int madeUnrecorded(Set<String> recorded, Map<String, String> images, Map<String, String> packages,
      LocalRegistry mirror, S3Client s3Mirror, String mirrorBucket) {
    int made = 0;
    for (Map.Entry<String, String> image : images.entrySet()) {
      String[] repoDigest = image.getValue().split("@");
      if (!recorded.contains(image.getKey()) && mirror.manifestStatus(repoDigest[0], repoDigest[1]) == 200) {
        made++;
      }
    }
    for (String pkg : packages.keySet()) {
      if (!recorded.contains(pkg) && !versions(s3Mirror, mirrorBucket, keyOf(pkg)).isEmpty()) {
        made++;
      }
    }
    return made;
  }

  /** {@code count} once it gives the same value twice, half a second apart (bounded: not a timing assertion). */
  private static int settled(java.util.function.IntSupplier count) throws InterruptedException {
    int last = count.getAsInt();
    for (int i = 0; i < 40; i++) {
      Thread.sleep(500);
      int now = count.getAsInt();
      if (now == last) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private static boolean unrecordedImageIn(LocalRegistry mirror, Path ledger, Map<String, String> images)
      throws IOException {
    Set<String> recorded = Files.exists(ledger)
        ? parse(ledger).value().entries().stream().map(MirrorLedger.Entry::source).collect(Collectors.toSet())
        : Set.of();
    Set<String> stored = stored(Files.readAllLines(mirror.accessLogFile(), StandardCharsets.UTF_8), MANIFEST_PUT).keySet();
    return images.entrySet().stream().anyMatch(
        i -> !recorded.contains(i.getKey()) && stored.contains(i.getValue().replace("@", "/manifests/")));
  }

  /** Entries of a ledger being written by another process (0 while there is none yet). */
  private static int entriesOrZero(Path ledger) throws IOException {
    if (!Files.exists(ledger)) {
      return 0;
    }
    return parse(ledger).value().entries().size();
  }

  /** The ledger must parse without a problem whenever it is read: a rename replaces it whole. */
  private static Parsed<MirrorLedger> parse(Path ledger) throws IOException {
    Parsed<MirrorLedger> parsed = LedgerReader.read("mirrors.ledger", Files.readAllBytes(ledger));
    assertThat(parsed.problems()).as(Files.readString(ledger)).isEmpty();
    return parsed;
  }

  private static List<String> withoutLine(MirrorLedger.Entry e) {
    return List.of(e.region(), e.kind().name(), e.source(), e.copy(), e.checksum(), e.at().toString());
  }

  private static List<Path> leftovers(Path ledger) throws IOException {
    try (var files = Files.list(ledger.getParent())) {
      return files.filter(p -> p.getFileName().toString().startsWith(".mirrors.ledger.")).toList();
    }
  }

  private static List<ObjectVersion> versions(S3Client s3, String bucket, String key) {
    return s3.listObjectVersions(b -> b.bucket(bucket).prefix(key)).versions().stream()
        .filter(v -> v.key().equals(key)).toList();
  }

  private static String keyOf(String s3Id) {
    String rest = s3Id.substring("s3://".length());
    return rest.substring(rest.indexOf('/') + 1, rest.indexOf("?versionId="));
  }

  /** A request line and its status in the registry's access log (combined log format). */
  private static final Pattern REQUEST = Pattern.compile("\"(\\w+) (\\S+) HTTP/[\\d.]+\" (\\d{3}) ");
  private static final Pattern BLOB_PUT = Pattern.compile("^/v2/.+/blobs/uploads/[^?]*\\?.*digest=(sha256(?::|%3A)[0-9a-f]{64})");
  private static final Pattern MANIFEST_PUT = Pattern.compile("^/v2/(.+/manifests/sha256:[0-9a-f]{64})$");

  /** What PUTs the registry accepted (201) matching {@code what}, counted by its first group. */
  static Map<String, Long> stored(List<String> log, Pattern what) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String line : log) {
      Matcher m = REQUEST.matcher(line);
      if (m.find() && m.group(1).equals("PUT") && m.group(3).equals("201")) {
        Matcher w = what.matcher(m.group(2));
        if (w.find()) {
          out.merge(w.group(1).replace("%3A", ":"), 1L, Long::sum);
        }
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
