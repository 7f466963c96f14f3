package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phoenix lock against a real registry and moto (S3, SSM, Secrets Manager, EC2), on a real Git repository. */
class LockCommandIT {
  static LocalRegistry registry;
  static MotoServer moto;
  static AwsSeed seed;
  static final String PACKAGE = "package bytes v2.0.2";
  static String objectVersion;
  static String secretVersion;

  @TempDir Path dir;
  Path lock;

  @BeforeAll
  static void servers() {
    registry = LocalRegistry.start();
    moto = MotoServer.shared();
    seed = new AwsSeed(moto);
    AwsSeed.credentialsForCli();
    seed.bucket("artefacts", true, false);
    seed.bucket("unversioned", false, false);
    objectVersion = seed.put("artefacts", "statements/2.0.2-80-1a2b3c5.zip", PACKAGE);
    seed.put("unversioned", "statements/2.0.2-80-1a2b3c5.zip", PACKAGE);
    seed.parameter("/staging/payments/database-url", "postgres://old");
    seed.parameter("/staging/payments/database-url", "postgres://db.internal/payments");
    secretVersion = seed.secret("staging/payments/api-key", "s3cr3t-value-never-shown");
  }

  @AfterAll
  static void stop() {
    seed.close();
    moto.close();
    registry.close();
  }

  @BeforeEach
  void repo() {
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("environments/staging/environment.lock.yaml", Estates.sample("environments/staging/environment.lock.yaml"))
          .put("stacks/services.yaml", Estates.servicesStack())
          .put("stacks/functions.yaml", Estates.functionsStack())
          .commit(Instant.parse("2026-11-20T10:00:00Z"), "estate");
      git.checkout();
    }
    lock = dir.resolve("environments/staging/environment.lock.yaml");
  }

  RepoRun lock(String... args) {
    List<String> all = new ArrayList<>(List.of("lock", "--env", "staging", "--aws-endpoint", moto.endpoint().toString(),
        "--aws-region", MotoServer.REGION));
    all.addAll(List.of(args));
    return RepoRun.in(dir, all.toArray(String[]::new));
  }

  @Test
  void aTagIsResolvedOnceAndAMovedTagDoesNotChangeTheLockfile() throws Exception {
    String tag = "1.4.4-330-abcdef1";
    String first = registry.pushSyntheticImage("payments/api", tag, "first build".getBytes(StandardCharsets.UTF_8));
    RepoRun r = lock("--image", "payments-api=" + registry.hostPort() + "/payments/api:" + tag,
        "--source-repo", "https://git.example.com/payments/api", "--source-commit", "abcdef1234ab", "--commit");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("~ payments-api: version 1.4.3-321-b7c8d9e → version " + tag).contains("committed ");
    String text = Files.readString(lock);
    assertThat(text).contains("    image: " + registry.hostPort() + "/payments/api@" + first + "\n")
        .contains("    version: " + tag + "\n")
        .doesNotContain("/payments/api:" + tag);
    Artefact api = EstateReader.read(new WorkingTreeFiles(dir), "staging").value().lockfile().artefacts().get("payments-api");
    assertThat(api.assurance()).as("evidence about the old bytes is dropped").isEmpty();
    assertThat(api.source().commit()).isEqualTo("abcdef1234ab");
    try (Git git = Git.open(dir.toFile())) {
      assertThat(git.log().setMaxCount(1).call().iterator().next().getFullMessage())
          .startsWith("phoenix lock staging: ~ payments-api").contains("Phoenix-Environment: staging");
    }

    String moved = registry.pushSyntheticImage("payments/api", tag, "rebuilt, same tag".getBytes(StandardCharsets.UTF_8));
    assertThat(moved).isNotEqualTo(first);
    byte[] before = Files.readAllBytes(lock);
    assertThat(new String(before, StandardCharsets.UTF_8)).contains("@" + first).doesNotContain(moved);
    RepoRun again = lock("--image", "payments-api=" + registry.hostPort() + "/payments/api:" + tag);
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("version " + tag + " is already locked with other bytes");
    assertThat(Files.readAllBytes(lock)).isEqualTo(before);
  }

  @Test
  void aTagThatDoesNotExistIsAClearErrorWithEveryOtherProblemAndTheFileIsUntouched() throws Exception {
    byte[] before = Files.readAllBytes(lock);
    RepoRun r = lock("--image", "payments-api=" + registry.hostPort() + "/payments/api:9.9.9-1-deadbee",
        "--lambda", "statements=s3://unversioned/statements/2.0.2-80-1a2b3c5.zip",
        "--ami", "bastion=ami-0123456789abcdef0", "--version", "bastion=2026.11.1-13-abcdef1",
        "--config", "payments-api.DATABASE_URL=ssm:/staging/nope",
        "--config", "payments-api.API_KEY=secret:staging/payments/api-key");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("4 problems; nothing was written")
        .contains("payments-api: tag 9.9.9-1-deadbee does not exist at " + registry.hostPort() + "/payments/api")
        .contains("statements: bucket unversioned cannot pin object versions")
        .contains("bastion: no AMI ami-0123456789abcdef0 in eu-west-2")
        .contains("payments-api.DATABASE_URL: ")
        .doesNotContain("s3cr3t");
    assertThat(Files.readAllBytes(lock)).isEqualTo(before);
  }

  @Test
  void lambdaAndConfigArePinnedToTheirCurrentVersions() throws Exception {
    RepoRun r = lock("--lambda", "statements=s3://artefacts/statements/2.0.2-80-1a2b3c5.zip",
        "--config", "payments-api.DATABASE_URL=ssm:/staging/payments/database-url",
        "--config", "payments-api.API_KEY=secret:staging/payments/api-key",
        "--config", "statements.REPORT_FORMAT=value:pdf");
    assertThat(r.code()).as(r.err()).isZero();
    var lockfile = EstateReader.read(new WorkingTreeFiles(dir), "staging").value().lockfile();
    var statements = (Artefact.LambdaPackage) lockfile.artefacts().get("statements");
    assertThat(statements.version()).isEqualTo("2.0.2-80-1a2b3c5");
    assertThat(statements.s3().versionId()).isEqualTo(objectVersion);
    assertThat(statements.s3().sha256()).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(PACKAGE.getBytes(StandardCharsets.UTF_8))));
    assertThat(lockfile.config().get("payments-api").get("DATABASE_URL"))
        .isEqualTo(new ConfigSource.SsmParameter("/staging/payments/database-url", 2));
    assertThat(lockfile.config().get("payments-api").get("API_KEY"))
        .isEqualTo(new ConfigSource.SecretVersion("staging/payments/api-key", secretVersion));
    assertThat(lockfile.config().get("statements").get("REPORT_FORMAT")).isEqualTo(new ConfigSource.PlainValue("pdf"));
    String text = Files.readString(lock);
    assertThat(text + r.out() + r.err()).doesNotContain("s3cr3t").doesNotContain("db.internal");
    assertThat(text).contains("    LOG_LEVEL: {value: info}\n  ledger-worker:");
  }
}
