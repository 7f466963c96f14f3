package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.git.GitRepository;
import dev.phoenix.protect.KeeperProbe;
import dev.phoenix.protect.Keepers;
import dev.phoenix.stores.StoreSettings;
import dev.phoenix.stores.Stores;
import dev.phoenix.support.GitFixture;
import dev.phoenix.verify.report.TextReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code verify --check-protection} over environments that pin the same S3 object version, SSM
 * parameter, secret version and AMI, against moto: each environment gets its own verdict (prod's
 * marks are there, the others' are not), and the stores are asked exactly as often as for one
 * environment alone. What a store says about a reference's marks holds every environment's, so it
 * is read once per run (the keepers' reading views), not once per environment.
 */
class VerifyProtectionAwsIT extends OnMoto {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static String lock(String env, String bucket, String[] zip, String param, long version, String secret,
      String secretVersion, String ami) {
    String extra = "  fn:\n    type: lambda-package\n    version: 1.0.0-1-abcdef0\n"
        + "    s3: {bucket: " + bucket + ", key: fn.zip, versionId: " + zip[0] + ", sha256: " + zip[1] + "}\n"
        + "    source: {repository: https://git.example.com/x, commit: abcdef012345}\n"
        + "  bastion:\n    type: machine-image\n    version: 2026.11.0-12-abcdef0\n    ami: " + ami
        + "\n    region: us-east-1\n";
    String config = "  app:\n    DB: {ssm: " + param + ", version: " + version + "}\n"
        + "    KEY: {secret: " + secret + ", versionId: " + secretVersion + "}\n";
    // the image is in no registry that answers: UNKNOWN, so it is never probed for its mark
    return Lockfiles.lockfile(env, Map.of("app", "localhost:1/shop/api@sha256:" + "b".repeat(64)), extra, config);
  }

  private record Run(VerifyResult result, int requests) {}

  private Run verify(List<String> envs, boolean all) throws Exception {
    VerifyRequest request = new VerifyRequest(envs, all, VerifyWindow.since(Duration.ofDays(7), NOW, "7d"), false, 8,
        Duration.ofMinutes(2), Set.of(), false);
    AwsConfig config = config();
    int mark = moto.log().size();
    try (GitRepository repo = GitRepository.open(dir); Stores stores = Stores.open(
        StoreSettings.of(config, request.concurrency(), request.insecureRegistries()))) {
      VerifyResult result = new Verifier(repo, stores.checkers(), ProgressListener.NONE, Clock.systemUTC(),
          new KeeperProbe(Keepers.of(stores.keepers())), stores.backups()).verify(request);
      return new Run(result, moto.log().size() - mark);
    }
  }

  @Test
  void eachEnvironmentHasItsVerdictAndTheStoresAreAskedAsOftenAsForOne() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String bucket = "kept-" + tag;
    String param = "/kept-" + tag + "/db";
    String secret = "kept-" + tag + "/key";
    aws.versionedBucket(bucket);
    String[] zip = aws.putObject(bucket, "fn.zip", "zip one");
    long older = aws.putParameter(param, "db-one");
    long newer = aws.putParameter(param, "db-two");
    String secretVersion = aws.createSecret(secret, "not printed");
    String ami = aws.someAmi();

    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    for (String env : List.of("dev", "prod", "staging")) { // dev still on the older parameter version
      git.put("environments/" + env + "/environment.lock.yaml",
          lock(env, bucket, zip, param, env.equals("dev") ? older : newer, secret, secretVersion, ami));
    }
    git.commit(NOW.minus(Duration.ofDays(3)), "three environments, one set of artefacts and config");
    git.close();

    AwsConfig config = config();
    List<Ref> prodPins = List.of(new Ref.S3Object(bucket, "fn.zip", zip[0], zip[1]), new Ref.Ssm(param, newer),
        new Ref.Secret(secret, secretVersion), new Ref.Ami(ami, "us-east-1"));
    try (Stores stores = Stores.open(StoreSettings.of(config, 4, Set.of()))) {
      Keepers keepers = Keepers.of(stores.keepers());
      prodPins.forEach(ref -> keepers.forRef(ref).orElseThrow().protect(ref, "prod"));
    }

    Run alone = verify(List.of("prod"), false);
    Run all = verify(List.of(), true);
    Run again = verify(List.of("prod"), false);

    assertThat(all.result().environments()).hasSize(3);
    for (EnvReport env : all.result().environments()) {
      List<RefUse> probed = env.references().stream().filter(u -> !(u.ref() instanceof Ref.Image)).toList();
      assertThat(probed).as(TextReport.render(all.result())).hasSize(4);
      if (env.environment().equals("prod")) {
        assertThat(probed).allMatch(u -> u.finding().status() == Status.OK, "prod's marks are all there");
      } else {
        assertThat(probed).allMatch(u -> u.finding().status() == Status.AT_RISK
            && u.finding().reason().startsWith("present but not protected (no "), env.environment() + " has no marks");
      }
    }
    assertThat(alone.requests()).as("one environment, twice").isEqualTo(again.requests());
    assertThat(all.requests()).as("three environments against one").isEqualTo(alone.requests());
  }
}
