package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.git.GitRepository;
import dev.phoenix.mirror.MirrorRequest;
import dev.phoenix.mirror.MirrorRun;
import dev.phoenix.mirror.RegionStores;
import dev.phoenix.report.Json;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.verify.VerifyWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * phoenix mirror of a three-revision history into a second region: two real registries (primary
 * and mirror), moto serving both regions; an interrupted run, a resumed one, a run with nothing to do.
 */
class MirrorCommandIT {
  static final String MIRROR = "eu-central-1";
  static final String SECRET_MARK = "S3CR3T-VALUE-";
  static LocalRegistry primary;
  static LocalRegistry mirror;
  static MotoServer moto;
  static AwsSeed seed;
  static S3Client s3Mirror;
  static SsmClient ssmMirror;
  static SecretsManagerClient secretsMirror;
  @TempDir static Path dir;
  static final String[] IMAGE = new String[3];
  static final String[] OBJECT = new String[3];
  static final String[] SHA = new String[3];
  static final long[] PARAM = new long[3];
  static final String[] SECRET = new String[3];
  static final List<String> printed = new ArrayList<>();

  @BeforeAll
  static void estate() throws Exception {
    primary = LocalRegistry.start();
    mirror = LocalRegistry.start();
    moto = MotoServer.shared();
    seed = new AwsSeed(moto);
    AwsSeed.credentialsForCli();
    AwsConfig mirrorConfig = seed.config.withRegion(MIRROR);
    s3Mirror = AwsClients.build(S3Client.builder().forcePathStyle(true), mirrorConfig);
    ssmMirror = AwsClients.build(SsmClient.builder(), mirrorConfig);
    secretsMirror = AwsClients.build(SecretsManagerClient.builder(), mirrorConfig);
    seed.bucket("artefacts-use1", true, false);
    s3Mirror.createBucket(b -> b.bucket("artefacts-euc1").createBucketConfiguration(c -> c.locationConstraint(MIRROR)));
    s3Mirror.putBucketVersioning(b -> b.bucket("artefacts-euc1").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    Instant now = Instant.now();
    try (GitFixture git = GitFixture.init(dir)) {
      for (int i = 0; i < 3; i++) {
        byte[] layer = new byte[512 * 1024 + i];
        new java.util.Random(i).nextBytes(layer);
        IMAGE[i] = primary.pushSyntheticImage("payments/api", "build-" + i, layer);
        String content = "package " + i;
        OBJECT[i] = seed.put("artefacts-use1", "statements/fn 1.zip", content);
        SHA[i] = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        PARAM[i] = seed.parameter("/prod/payments/database-url", "postgres://db/" + i);
        SECRET[i] = seed.secret("prod/payments/api-key", SECRET_MARK + i);
        git.put("environments/prod/environment.lock.yaml", lockfile(i));
        if (i == 0) {
          git.put("environments/prod/regions.yaml", """
              apiVersion: phoenix/v1
              kind: Regions
              primary: us-east-1
              mirrors:
                eu-central-1:
                  registries: {"%s": "%s"}
                  buckets: {artefacts-use1: artefacts-euc1}
              """.formatted(primary.hostPort(), mirror.hostPort()));
        }
        git.commit(now.minus(Duration.ofDays(new int[] {200, 60, 10}[i])), "prod revision " + i);
      }
      git.checkout();
    }
  }

  static String lockfile(int i) {
    return """
        apiVersion: phoenix/v1
        kind: EnvironmentLock
        environment: prod
        stacks: []
        artefacts:
          payments-api:
            type: container-image
            version: 1.4.%d-3%d0-abcdef%d
            image: %s/payments/api@%s
          statements:
            type: lambda-package
            version: 2.0.%d-7%d-1a2b3c%d
            s3: {bucket: artefacts-use1, key: "statements/fn 1.zip", versionId: %s, sha256: %s}
        config:
          payments-api:
            DATABASE_URL: {ssm: /prod/payments/database-url, version: %d}
            API_KEY: {secret: prod/payments/api-key, versionId: %s}
        """.formatted(i, i, i, primary.hostPort(), IMAGE[i], i, i, i, OBJECT[i], SHA[i], PARAM[i], SECRET[i]);
  }

  @AfterAll
  static void stop() {
    s3Mirror.close();
    ssmMirror.close();
    secretsMirror.close();
    seed.close();
    moto.close();
    mirror.close();
    primary.close();
  }

  static RepoRun mirrorCli(String... args) {
    List<String> all = new ArrayList<>(List.of("mirror", "--env", "prod", "--to", MIRROR, "--since", "400d",
        "--aws-endpoint", moto.endpoint().toString(), "--aws-region", MotoServer.REGION));
    all.addAll(List.of(args));
    RepoRun r = RepoRun.in(dir, all.toArray(String[]::new));
    printed.add(r.out());
    printed.add(r.err());
    return r;
  }

  static Path ledger() {
    return dir.resolve("environments/prod/mirrors.ledger");
  }

  @Test
  void mirrorsEveryRevisionResumesAfterAnInterruptionAndThenHasNothingToDo() throws Exception {
    RepoRun dry = mirrorCli();
    assertThat(dry.code()).as(dry.err() + dry.out()).isZero();
    assertThat(dry.out()).contains("3 revisions since 400d, 12 references")
        .contains("would copy " + primary.hostPort() + "/payments/api@" + IMAGE[0].substring(0, 19))
        .contains("-> " + mirror.hostPort() + "/payments/api@" + IMAGE[2])
        .contains("would copy s3://artefacts-use1/statements/fn 1.zip?versionId=" + OBJECT[1] + " -> s3://artefacts-euc1/statements/fn 1.zip")
        .contains("would copy ssm:/prod/payments/database-url:" + PARAM[0] + " -> ssm:/prod/payments/database-url in eu-central-1")
        .contains("dry run: 12 copies listed, none made");
    assertThat(ledger()).doesNotExist();
    assertThat(mirror.accessLog()).noneMatch(l -> l.contains("/v2/payments"));

    // interrupted after 5 copies (the listener stands for a kill: every copy made is already recorded)
    AwsConfig aws = AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
    AtomicInteger copies = new AtomicInteger();
    try (GitRepository git = GitRepository.open(dir);
        dev.phoenix.stores.Stores live = dev.phoenix.stores.Stores.open(dev.phoenix.stores.StoreSettings.of(aws, Set.of()))) {
      RegionStores stores = MirrorCommand.regionsOf(live);
      MirrorRun run = new MirrorRun(git, stores, item -> {
        assertThat(item.problem()).as(item.toString()).isFalse();
        if (copies.incrementAndGet() == 5) {
          throw new IllegalStateException("killed after 5 copies");
        }
      });
      VerifyWindow window = VerifyWindow.since(Duration.ofDays(400), Instant.now(), "400d");
      assertThatThrownBy(() -> run.run(new MirrorRequest("prod", MIRROR, window, true, false, 1, Duration.ofMinutes(5))))
          .hasMessage("killed after 5 copies");
    }
    assertThat(entries()).hasSize(5);

    RepoRun resumed = mirrorCli("--yes", "--commit", "--output", "json");
    assertThat(resumed.code()).as(resumed.err() + resumed.out()).isZero();
    JsonNode json = Json.mapper().readTree(resumed.out());
    assertThat(json.path("counts").path("mirrored").asInt()).isEqualTo(5);
    assertThat(json.path("counts").path("copied").asInt()).isEqualTo(7);
    assertThat(json.path("counts").path("present").asInt()).isZero();
    assertThat(entries()).hasSize(12);
    try (GitRepository git = GitRepository.open(dir)) { // --commit: the ledger, and only it, committed
      var head = git.head().orElseThrow();
      assertThat(head.id()).isEqualTo(json.path("commit").asText());
      assertThat(head.subject()).isEqualTo("phoenix mirror: 7 copies of prod recorded for eu-central-1");
      assertThat(git.uncommittedChanges(List.of("environments/"))).isEmpty();
    }

    // in the mirror region's stores, exactly as pinned
    for (String digest : IMAGE) {
      assertThat(mirror.manifestStatus("payments/api", digest)).isEqualTo(200);
    }
    Map<String, Long> puts = blobPuts(mirror.accessLog());
    assertThat(puts).hasSize(6).allSatisfy((d, n) -> assertThat(n).as(d).isEqualTo(1L)); // config + layer of 3 images
    for (int i = 0; i < 3; i++) {
      String copy = copyOf("s3://artefacts-use1/statements/fn 1.zip?versionId=" + OBJECT[i]);
      String version = copy.substring(copy.indexOf("versionId=") + 10);
      final int n = i;
      var head = s3Mirror.headObject(b -> b.bucket("artefacts-euc1").key("statements/fn 1.zip").versionId(version)
          .checksumMode(ChecksumMode.ENABLED));
      assertThat(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(head.checksumSHA256()))).isEqualTo(SHA[n]);
      String ssmCopy = copyOf("ssm:/prod/payments/database-url:" + PARAM[i]);
      long ssmVersion = Long.parseLong(ssmCopy.substring(ssmCopy.lastIndexOf(':') + 1));
      assertThat(ssmMirror.getParameter(b -> b.name("/prod/payments/database-url:" + ssmVersion).withDecryption(true))
          .parameter().value()).isEqualTo("postgres://db/" + n);
      assertThat(secretsMirror.getSecretValue(b -> b.secretId("prod/payments/api-key").versionId(SECRET[n])).secretString())
          .isEqualTo(SECRET_MARK + n);
    }

    // nothing left: no store is asked anything
    int before = mirror.accessLog().size();
    RepoRun again = mirrorCli("--yes");
    assertThat(again.code()).as(again.err() + again.out()).isZero();
    assertThat(again.out()).contains("nothing to copy: all 12 references are mirrored in eu-central-1");
    assertThat(mirror.accessLog()).hasSize(before);

    // a secret's value is never printed nor recorded
    String ledgerText = Files.readString(ledger());
    assertThat(ledgerText).doesNotContain(SECRET_MARK);
    assertThat(printed).allSatisfy(p -> assertThat(p).doesNotContain(SECRET_MARK));

    // validate reads the ledger, and names a line whose checksum does not hold
    RepoRun ok = RepoRun.in(dir, "validate");
    assertThat(ok.code()).as(ok.out()).isZero();
    String tampered = ledgerText.replace("sha256:" + SHA[2], "sha256:" + "0".repeat(64));
    Files.writeString(ledger(), tampered);
    RepoRun bad = RepoRun.in(dir, "validate");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).contains("environments/prod/mirrors.ledger:")
        .contains("has checksum sha256:" + "0".repeat(64) + " but the lockfile pins sha256:" + SHA[2]);
    Files.writeString(ledger(), ledgerText);
  }

  @Test
  void aRegionThatIsNoMirrorIsRefusedNamingTheMirrors() {
    RepoRun r = RepoRun.in(dir, "mirror", "--env", "prod", "--to", "ap-south-1", "--aws-endpoint",
        moto.endpoint().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("region ap-south-1 is not a mirror of prod in environments/prod/regions.yaml")
        .contains("mirrors listed: eu-central-1");
  }

  static List<String> entries() throws Exception {
    return Files.readAllLines(ledger()).stream().filter(l -> l.startsWith(MIRROR + " ")).toList();
  }

  /** The ledger's copy locator for a source id. */
  static String copyOf(String source) throws Exception {
    var parsed = dev.phoenix.lockfile.LedgerReader.read("L", Files.readAllBytes(ledger()));
    return parsed.value().find(MIRROR, source).orElseThrow(() -> new AssertionError("no ledger entry for " + source)).copy();
  }

  private static final Pattern PUT = Pattern.compile("\"PUT /v2/[^ ]*/blobs/uploads/[^ ]*[?&]digest=(sha256(?::|%3A)[0-9a-f]{64})");

  static Map<String, Long> blobPuts(List<String> log) {
    return log.stream().map(PUT::matcher).filter(Matcher::find).map(m -> m.group(1).replace("%3A", ":"))
        .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
  }
}
