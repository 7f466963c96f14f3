package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import dev.phoenix.protect.Keepers;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.protect.KeeperProbe;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.Tag;

/** protect then prune, checked in the stores themselves: real registry, moto, real Git history. */
class ProtectCommandIT {
  static LocalRegistry registry;
  static MotoServer moto;
  static AwsSeed seed;
  @TempDir static Path dir;
  static final String[] IMAGE = new String[3];
  static final String[] OBJECT = new String[3];
  static final String[] SHA = new String[3];
  static final long[] PARAM = new long[3];
  static final String[] SECRET = new String[3];
  static final String[] AMI = new String[3];

  @BeforeAll
  static void estate() throws Exception {
    registry = LocalRegistry.start();
    moto = MotoServer.shared();
    seed = new AwsSeed(moto);
    AwsSeed.credentialsForCli();
    seed.bucket("locked-artefacts", true, true);
    Instant now = Instant.now();
    String oldAmi = seed.ami("bastion-2025");
    String newAmi = seed.ami("bastion-2026");
    try (GitFixture git = GitFixture.init(dir)) {
      for (int i = 0; i < 3; i++) {
        IMAGE[i] = registry.pushSyntheticImage("payments/api", "build-" + i, ("image " + i).getBytes(StandardCharsets.UTF_8));
        String content = "package " + i;
        OBJECT[i] = seed.put("locked-artefacts", "statements/fn.zip", content);
        SHA[i] = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        PARAM[i] = seed.parameter("/prod/payments/database-url", "postgres://db/" + i);
        SECRET[i] = seed.secret("prod/payments/api-key", "key-" + i);
        AMI[i] = i == 0 ? oldAmi : newAmi;
        git.put("environments/prod/environment.lock.yaml", lockfile(i))
            .commit(now.minus(Duration.ofDays(new int[] {200, 100, 10}[i])), "prod revision " + i);
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
            s3: {bucket: locked-artefacts, key: statements/fn.zip, versionId: %s, sha256: %s}
          bastion:
            type: machine-image
            version: 2026.11.0-12-abcdef0
            ami: %s
            region: eu-west-2
        config:
          payments-api:
            DATABASE_URL: {ssm: /prod/payments/database-url, version: %d}
            API_KEY: {secret: prod/payments/api-key, versionId: %s}
        """.formatted(i, i, i, registry.hostPort(), IMAGE[i], i, i, i, OBJECT[i], SHA[i], AMI[i], PARAM[i], SECRET[i]);
  }

  @AfterAll
  static void stop() {
    seed.close();
    moto.close();
    registry.close();
  }

  RepoRun protect(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("protect", "--env", "prod", "--aws-endpoint",
        moto.endpoint().toString(), "--aws-region", MotoServer.REGION));
    all.addAll(List.of(args));
    return RepoRun.in(dir, all.toArray(String[]::new));
  }

  @Test
  void protectThenPruneRoundTripInTheStoresThemselves() {
    RepoRun dry = protect("--since", "400d");
    assertThat(dry.code()).as(dry.err() + dry.out()).isZero();
    assertThat(dry.out()).contains("3 revisions").contains("dry run: 14 change(s) listed, none made")
        .contains("+ registry tag phoenix-keep-prod-" + IMAGE[0].substring(7, 19))
        .contains("+ label phoenix-keep-prod-v" + PARAM[1] + " on ssm:/prod/payments/database-url:" + PARAM[1])
        .contains("+ image tag phoenix-keep-prod on " + AMI[0] + " (eu-west-2)")
        .contains("\"tagPrefixList\": [\"phoenix-keep-\"]")
        .contains("aws rbin create-rule --resource-type EC2_IMAGE --retention-period RetentionPeriodValue=400,"
            + "RetentionPeriodUnit=DAYS --resource-tags ResourceTagKey=phoenix-keep-prod,ResourceTagValue=phoenix");
    assertThat(ssmLabels(PARAM[0])).isEmpty();
    RepoRun json = protect("--since", "400d", "--output", "json");
    assertThat(json.code()).as(json.err() + json.out()).isZero();
    assertThat(json.out()).contains("\"ref\" : \"" + registry.hostPort() + "/payments/api@" + IMAGE[0] + "\"")
        .doesNotContain("…");

    RepoRun all = protect("--since", "400d", "--yes");
    assertThat(all.code()).as(all.err() + all.out()).isZero();
    assertThat(all.out()).contains("applied 14 change(s)");
    assertThat(seed.amiTags(AMI[0])).containsExactly("phoenix-keep-prod");
    assertThat(seed.amiTags(AMI[2])).containsExactly("phoenix-keep-prod");
    for (int i = 0; i < 3; i++) {
      assertThat(ssmLabels(PARAM[i])).containsExactly("phoenix-keep-prod-v" + PARAM[i]);
      assertThat(s3Tags(OBJECT[i])).containsExactly("phoenix-keep-prod");
      assertThat(legalHold(OBJECT[i])).isEqualTo(ObjectLockLegalHoldStatus.ON);
      assertThat(secretStages(SECRET[i])).contains("phoenix-keep-prod-" + SECRET[i]);
      assertThat(registryTagDigest("phoenix-keep-prod-" + IMAGE[i].substring(7, 19))).isEqualTo(IMAGE[i]);
    }
    assertThat(protect("--since", "400d").out()).contains("14 already protected").contains("nothing to change");

    RepoRun pruned = protect("--since", "90d", "--prune", "--yes");
    assertThat(pruned.code()).as(pruned.err() + pruned.out()).isZero();
    assertThat(pruned.out()).contains("2 revisions").contains("applied 4 change(s)")
        .contains("- image tag phoenix-keep-prod on " + AMI[0] + " (eu-west-2)")
        .contains("! registry tag phoenix-keep-prod-" + IMAGE[0].substring(7, 19))
        .contains("- label phoenix-keep-prod-v" + PARAM[0]);
    assertThat(ssmLabels(PARAM[0])).isEmpty();
    assertThat(seed.amiTags(AMI[0])).isEmpty();
    assertThat(seed.amiTags(AMI[2])).containsExactly("phoenix-keep-prod");
    assertThat(s3Tags(OBJECT[0])).isEmpty();
    assertThat(legalHold(OBJECT[0])).isEqualTo(ObjectLockLegalHoldStatus.OFF);
    assertThat(secretStages(SECRET[0])).noneMatch(s -> s.startsWith("phoenix-keep-"));
    for (int i = 1; i < 3; i++) {
      assertThat(ssmLabels(PARAM[i])).containsExactly("phoenix-keep-prod-v" + PARAM[i]);
      assertThat(s3Tags(OBJECT[i])).containsExactly("phoenix-keep-prod");
      assertThat(legalHold(OBJECT[i])).isEqualTo(ObjectLockLegalHoldStatus.ON);
      assertThat(secretStages(SECRET[i])).contains("phoenix-keep-prod-" + SECRET[i]);
    }
    // stale registry tags are reported, not deleted (the OCI API cannot delete a tag alone)
    assertThat(registryTagDigest("phoenix-keep-prod-" + IMAGE[0].substring(7, 19))).isEqualTo(IMAGE[0]);

    // verify's view: OK from the store, but unprotected -> AT_RISK
    RefChecker allPresent = new RefChecker() {
      public boolean handles(Ref ref) {
        return true;
      }

      public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
        return refs.stream().collect(Collectors.toMap(r -> r, r -> Finding.ok()));
      }
    };
    Ref kept = new Ref.Ssm("/prod/payments/database-url", PARAM[2]);
    Ref released = new Ref.Ssm("/prod/payments/database-url", PARAM[0]);
    Ref image = new Ref.Image(registry.hostPort(), "payments/api", Digest.of(IMAGE[2]));
    Ref untaggedImage = new Ref.Image(registry.hostPort(), "payments/api", Digest.of(IMAGE[0]));
    try (Stores stores = Stores.open(StoreSettings.of(seed.config, Set.of()))) {
      KeeperProbe probe = new KeeperProbe(Keepers.of(stores.keepers()));
      Map<Ref, Finding> findings = new java.util.LinkedHashMap<>();
      for (Ref r : List.of(kept, released, image, untaggedImage)) {
        findings.put(r, probe.concern(r, "prod")
            .orElse(allPresent.check(List.of(r), CheckOptions.defaults()).get(r)));
      }
      assertThat(findings.get(kept).status()).isEqualTo(Status.OK);
      assertThat(findings.get(image).status()).isEqualTo(Status.OK);
      assertThat(findings.get(untaggedImage).status()).isEqualTo(Status.OK); // stale tag still there
      assertThat(findings.get(released).status()).isEqualTo(Status.AT_RISK);
      assertThat(findings.get(released).reason()).contains("phoenix-keep-prod-v" + PARAM[0]).contains("phoenix protect --env prod");
    }
  }

  static List<String> ssmLabels(long version) {
    return seed.ssm.getParameterHistory(b -> b.name("/prod/payments/database-url")).parameters().stream()
        .filter(p -> p.version() == version).findFirst().orElseThrow().labels();
  }

  static List<String> s3Tags(String versionId) {
    return seed.s3.getObjectTagging(b -> b.bucket("locked-artefacts").key("statements/fn.zip").versionId(versionId))
        .tagSet().stream().map(Tag::key).toList();
  }

  static ObjectLockLegalHoldStatus legalHold(String versionId) {
    return seed.s3.getObjectLegalHold(b -> b.bucket("locked-artefacts").key("statements/fn.zip").versionId(versionId))
        .legalHold().status();
  }

  static List<String> secretStages(String versionId) {
    return seed.secrets.describeSecret(b -> b.secretId("prod/payments/api-key")).versionIdsToStages()
        .getOrDefault(versionId, List.of());
  }

  static String registryTagDigest(String tag) {
    var response = registry.client().getManifest("payments/api", tag);
    assertThat(response.statusCode()).as("tag " + tag).isEqualTo(200);
    return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }
}
