package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.report.ReportFormat;
import dev.phoenix.verify.report.TextReport;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** verify against moto (S3 versions, SSM, Secrets Manager, EC2, ECR) on a real Git history. */
class VerifyAwsIT extends OnMoto {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final String CANARY = "canary-" + UUID.randomUUID();

  static Instant daysAgo(int d) {
    return NOW.minus(Duration.ofDays(d));
  }

  static String lock(String image, String[] s3, String ami, long ssmVersion, String secretVersion) {
    String extra = "  fn:\n    type: lambda-package\n    version: 1.0.0-1-abcdef0\n"
        + "    s3: {bucket: artefacts, key: fn.zip, versionId: " + s3[0] + ", sha256: " + s3[1] + "}\n"
        + "    source: {repository: https://git.example.com/x, commit: abcdef012345}\n"
        + "  bastion:\n    type: machine-image\n    version: 2026.11.0-12-abcdef0\n    ami: " + ami
        + "\n    region: us-east-1\n";
    String config = "  app:\n    DB: {ssm: /app/db, version: " + ssmVersion + "}\n"
        + "    KEY: {secret: app/key, versionId: " + secretVersion + "}\n";
    return Lockfiles.lockfile("prod", Map.of("app", image), extra, config);
  }

  @Test
  void deletedVersionsAndMissingSecretVersionsBreakTheirIntervalsAndNoSecretValueIsWritten() throws Exception {
    aws.versionedBucket("artefacts");
    String[] v1 = aws.putObject("artefacts", "fn.zip", "zip one");
    String[] v2 = aws.putObject("artefacts", "fn.zip", "zip two");
    aws.putParameter("/app/db", "db-one");
    long oldDb = aws.putParameter("/app/db", "db-two");
    String key = aws.createSecret("app/key", CANARY);
    String ami = aws.someAmi();
    String image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api@"
        + aws.ecrImage("shop/api", "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":2,\"digest\":\"sha256:"
            + AwsStores.sha256("{}") + "\"},\"layers\":[]}");

    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    git.put("environments/prod/environment.lock.yaml", lock(image, v1, ami, oldDb, key));
    git.commit(daysAgo(20), "v1 zip, db two");
    aws.ssm.deleteParameter(b -> b.name("/app/db"));
    long newDb = aws.putParameter("/app/db", "db-three"); // versions restart: old version 2 no longer exists
    git.put("environments/prod/environment.lock.yaml", lock(image, v2, ami, newDb, key));
    git.commit(daysAgo(10), "v2 zip, db three");
    git.put("environments/prod/environment.lock.yaml", lock(image, v2, "ami-0badc0ffee0000000", newDb,
        UUID.randomUUID().toString()));
    git.commit(daysAgo(5), "a secret version and an AMI that never existed");
    git.close();
    aws.s3.deleteObject(b -> b.bucket("artefacts").key("fn.zip").versionId(v1[0]));

    VerifyRequest request = new VerifyRequest(List.of("prod"), false, VerifyWindow.since(Duration.ofDays(14), NOW, "14d"),
        false, 8, Duration.ofMinutes(2), Set.of(), false);
    AwsConfig config = config();
    VerifyResult result;
    try (GitRepository repo = GitRepository.open(dir); Stores stores = Stores.open(
        StoreSettings.of(config, request.concurrency(), request.insecureRegistries()))) {
      result = new Verifier(repo, stores.checkers(), ProgressListener.NONE, Clock.systemUTC()).verify(request);
    }

    EnvReport prod = result.environments().get(0);
    assertThat(prod.revisions()).extracting(RevisionResult::status)
        .as(TextReport.render(result)).containsExactly(RevisionStatus.MISSING, RevisionStatus.OK, RevisionStatus.MISSING);
    assertThat(prod.revisions().get(0).notOk()).extracting(u -> u.ref().describe())
        .containsExactlyInAnyOrder("s3://artefacts/fn.zip?versionId=" + v1[0], "ssm:/app/db:" + oldDb);
    assertThat(prod.revisions().get(2).notOk()).extracting(u -> u.finding().status().name()).containsOnly("MISSING");
    assertThat(prod.revisions().get(2).notOk()).hasSize(2);
    assertThat(prod.summary()).contains(" except " + Summary.time(daysAgo(14)) + " → " + Summary.time(daysAgo(10)))
        .contains("; " + Summary.time(daysAgo(5)) + " → now (")
        .contains("fn s3://artefacts/fn.zip?versionId=" + v1[0] + " MISSING")
        .contains("config app.DB ssm:/app/db:" + oldDb + " MISSING");
    assertThat(result.outcome()).isEqualTo(Verdict.BROKEN);
    assertThat(prod.references()).filteredOn(u -> u.ref() instanceof dev.phoenix.check.Ref.Image)
        .extracting(u -> u.finding().status().name()).containsExactly("OK");

    String everything = TextReport.render(result) + ReportFormat.JSON.render(result) + ReportFormat.JUNIT.render(result)
        + ReportFormat.MARKDOWN.render(result);
    assertThat(everything).doesNotContain(CANARY).doesNotContain("db-two").doesNotContain("zip one");
  }
}
