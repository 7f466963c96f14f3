package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.check.MirrorCopies;
import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.MirrorSetup;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.rebuild.RegionResolve;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code secrets: replicate} on moto serving two regions: a secret with no secret of its name in the
 * mirror becomes a Secrets Manager replica there (ReplicateSecretToRegions), and the ledger records
 * the replica's ARN with each pinned version id ({@code via=replica}); a secret whose name the mirror
 * already holds as a secret of its own is copied ({@code via=copy}). verify --region checks the
 * replica's versions, and the rebuild's resolution reads the pinned value from the replica. moto's
 * replica is a live view of its primary (so deleting the primary cannot stand for a region loss
 * here: RegionRebuildIT keeps {@code copy}, the default).
 */
class MirrorSecretReplicaIT {
  static final String MIRROR = "eu-central-1";
  static final String MARK = "R3PL1CA-VALUE-";
  static MotoServer moto;
  static AwsSeed seed;
  static SecretsManagerClient secretsMirror;
  static S3Client s3Mirror;
  @TempDir static Path dir;
  static final String ID = UUID.randomUUID().toString().substring(0, 8);
  static final String REPLICATED = "prod/replicated-" + ID;
  static final String OWN = "prod/own-" + ID;
  static final String BUCKET = "pkg-" + ID;
  static final String[] VERSION = new String[2];
  static final String[] OWN_VERSION = new String[2];
  static final List<String> printed = new ArrayList<>();

  @BeforeAll
  static void estate() throws Exception {
    moto = MotoServer.shared();
    seed = new AwsSeed(moto);
    AwsSeed.credentialsForCli();
    AwsConfig mirrorConfig = seed.config.withRegion(MIRROR);
    secretsMirror = AwsClients.build(SecretsManagerClient.builder(), mirrorConfig);
    s3Mirror = AwsClients.build(S3Client.builder().forcePathStyle(true), mirrorConfig);
    seed.bucket(BUCKET, true, false);
    s3Mirror.createBucket(b -> b.bucket(BUCKET + "-euc1").createBucketConfiguration(c -> c.locationConstraint(MIRROR)));
    s3Mirror.putBucketVersioning(b -> b.bucket(BUCKET + "-euc1")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    secretsMirror.createSecret(b -> b.name(OWN).secretString("the mirror's own secret")); // the name is taken there
    String object = seed.put(BUCKET, "fn.zip", "package");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("package".getBytes(StandardCharsets.UTF_8)));
    Instant now = Instant.now();
    try (GitFixture git = GitFixture.init(dir)) {
      for (int i = 0; i < 2; i++) {
        VERSION[i] = seed.secret(REPLICATED, MARK + i);
        OWN_VERSION[i] = seed.secret(OWN, MARK + "own-" + i);
        git.put("environments/prod/environment.lock.yaml", """
            apiVersion: phoenix/v1
            kind: EnvironmentLock
            environment: prod
            stacks: []
            artefacts:
              fn:
                type: lambda-package
                version: 1.0.%d-1-abcdef0
                s3: {bucket: %s, key: fn.zip, versionId: %s, sha256: %s}
            config:
              api:
                API_KEY: {secret: %s, versionId: %s}
                OWN_KEY: {secret: %s, versionId: %s}
            """.formatted(i, BUCKET, object, sha, REPLICATED, VERSION[i], OWN, OWN_VERSION[i]));
        if (i == 0) {
          git.put("environments/prod/regions.yaml", """
              apiVersion: phoenix/v1
              kind: Regions
              primary: us-east-1
              mirrors:
                eu-central-1:
                  buckets: {%s: %s-euc1}
                  secrets: replicate
              """.formatted(BUCKET, BUCKET));
        }
        git.commit(now.minus(Duration.ofDays(new int[] {20, 5}[i])), "prod revision " + i);
      }
      git.checkout();
    }
  }

  @AfterAll
  static void stop() {
    secretsMirror.close();
    s3Mirror.close();
    seed.close();
    moto.close();
  }

  static RepoRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--aws-endpoint", moto.endpoint().toString()));
    RepoRun r = RepoRun.in(dir, all.toArray(String[]::new));
    printed.add(r.out());
    printed.add(r.err());
    return r;
  }

  static MirrorLedger ledger() throws Exception {
    var parsed = dev.phoenix.lockfile.LedgerReader.read("L", Files.readAllBytes(dir.resolve("environments/prod/mirrors.ledger")));
    assertThat(parsed.problems()).isEmpty();
    return parsed.value();
  }

  @Test
  void replicatesWhereItMayCopiesWhereTheNameIsTakenAndTheReplicaIsVerifiedAndResolved() throws Exception {
    RepoRun run = cli("mirror", "--env", "prod", "--to", MIRROR, "--since", "60d", "--aws-region", MotoServer.REGION, "--yes");
    assertThat(run.code()).as(run.err() + run.out()).isZero();
    assertThat(run.out()).contains("the Secrets Manager replica in eu-central-1");

    // the secret is a replica in the mirror now, its primary us-east-1; the other one stayed the mirror's own
    var replica = secretsMirror.describeSecret(b -> b.secretId(REPLICATED));
    assertThat(replica.primaryRegion()).isEqualTo("us-east-1");
    assertThat(replica.arn()).contains(":" + MIRROR + ":");
    assertThat(secretsMirror.describeSecret(b -> b.secretId(OWN)).primaryRegion()).isNull();

    MirrorLedger ledger = ledger();
    for (int i = 0; i < 2; i++) {
      MirrorLedger.Entry r = ledger.find(MIRROR, "secret:" + REPLICATED + "@" + VERSION[i]).orElseThrow();
      assertThat(r.copy()).isEqualTo("secret:" + replica.arn() + "@" + VERSION[i]);
      assertThat(r.attribute(MirrorLedger.VIA)).contains("replica");
      MirrorLedger.Entry c = ledger.find(MIRROR, "secret:" + OWN + "@" + OWN_VERSION[i]).orElseThrow();
      assertThat(c.attribute(MirrorLedger.VIA)).contains("copy");
      assertThat(c.copy()).contains(":" + MIRROR + ":").endsWith("@" + OWN_VERSION[i]);
    }

    // verify --region checks the replica's versions in the mirror region
    RepoRun verify = cli("verify", "--env", "prod", "--since", "60d", "--region", MIRROR);
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("prod in eu-central-1: restorable");

    // rebuild --region's resolution: the secret of revision 0 is the replica's ARN with its version, read there
    try (GitRepository git = GitRepository.open(dir)) {
      Instant now = Instant.now();
      var revision = new dev.phoenix.history.TimeTravel(git).resolve("prod",
          now.minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), now);
      Estate estate = EstateReader.read(revision.files(), "prod").value();
      MirrorCopies copies = MirrorSetup.read(dir, "prod").copies(MIRROR);
      Estate moved = RegionResolve.of(estate, copies).estate();
      ConfigSource key = moved.lockfile().config().get("api").get("API_KEY");
      assertThat(key).isEqualTo(new ConfigSource.SecretVersion(replica.arn(), VERSION[0]));
      AwsConfig aws = AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
      try (Stores stores = Stores.open(StoreSettings.of(aws, Set.of()))) {
        boolean same = (MARK + 0).equals(stores.region(MIRROR).configValue(key)); // compared, never printed
        assertThat(same).as("the replica's pinned version holds revision 0's value").isTrue();
      }
    }

    RepoRun again = cli("mirror", "--env", "prod", "--to", MIRROR, "--since", "60d", "--aws-region", MotoServer.REGION, "--yes");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("nothing to copy: all 5 references are mirrored in eu-central-1");
    assertThat(Files.readString(dir.resolve("environments/prod/mirrors.ledger"))).doesNotContain(MARK);
    assertThat(printed).allSatisfy(p -> assertThat(p).doesNotContain(MARK));
  }
}
