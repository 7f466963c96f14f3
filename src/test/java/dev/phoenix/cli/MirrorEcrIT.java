package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.lockfile.LedgerReader;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.TestCertificates;
import dev.phoenix.testsupport.TlsRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * {@code phoenix mirror} into an ECR mirror registry: the repositories the copies need are listed
 * by the dry run and created (CreateRepository, moto's ECR in eu-central-1) by {@code --yes} before
 * the images are pushed; one that exists is left as it is. moto serves no registry API, so the
 * pushes go to a real docker-registry answering HTTPS under the ECR host name (a hosts file, a test
 * CA, htpasswd with the password of moto's ECR token), as in VerifyEcrDeepIT.
 */
class MirrorEcrIT {
  static final String MIRROR = "eu-central-1";
  static final String HOST = "123456789012.dkr.ecr." + MIRROR + ".amazonaws.com";
  @TempDir Path dir;

  @Test
  void theDryRunListsTheRepositoriesToCreateAndYesCreatesThemBeforePushing() throws Exception {
    MotoServer moto = MotoServer.shared();
    String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
    AwsConfig aws = AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
    Path certs = Files.createDirectories(dir.resolve("certs"));
    Path repo = Files.createDirectories(dir.resolve("repo"));
    TestCertificates ca = TestCertificates.createCa(certs);
    Path[] cert = ca.signedFor(HOST);
    try (LocalRegistry primary = LocalRegistry.start();
        LocalRegistry storage = LocalRegistry.start();
        TlsRegistry ecr = TlsRegistry.serveOn443(storage, cert[0], cert[1], "AWS", "123456789012-auth-token");
        EcrClient ecrMirror = AwsClients.build(EcrClient.builder(), aws, MIRROR)) {
      ecrMirror.createRepository(b -> b.repositoryName(team + "/web").imageTagMutability("IMMUTABLE"));
      String api = primary.pushSyntheticImage(team + "/api", "v1", "api layer".getBytes());
      String web = primary.pushSyntheticImage(team + "/web", "v1", "web layer".getBytes());
      Path hosts = dir.resolve("hosts");
      Files.writeString(hosts, "127.0.0.1 localhost\n" + ecr.address() + " " + HOST + "\n");
      try (GitFixture git = GitFixture.init(repo)) {
        git.put("environments/prod/regions.yaml", """
            apiVersion: phoenix/v1
            kind: Regions
            primary: us-east-1
            mirrors:
              eu-central-1:
                registries: {"%s": "%s"}
            """.formatted(primary.hostPort(), HOST));
        git.put("environments/prod/environment.lock.yaml", """
            apiVersion: phoenix/v1
            kind: EnvironmentLock
            environment: prod
            stacks: []
            artefacts:
              api:
                type: container-image
                version: 1.0.0-1-abcdef0
                image: %s/%s/api@%s
              web:
                type: container-image
                version: 1.0.0-1-abcdef0
                image: %s/%s/web@%s
            """.formatted(primary.hostPort(), team, api, primary.hostPort(), team, web));
        git.commit(Instant.now().minus(Duration.ofDays(1)), "two images");
        git.checkout();
      }

      Exec.Result dry = phoenix(hosts, ca.trustStore(), moto, repo);
      assertThat(dry.exitCode()).as(dry.toString()).isZero();
      assertThat(dry.stdout())
          .contains("would create ECR repository " + HOST + "/" + team + "/api (tags mutable, scan on push off, "
              + "encryption AES256: ECR's defaults (the source registry is not ECR))")
          .doesNotContain("ECR repository " + HOST + "/" + team + "/web")
          .contains("1 ECR repository to create in eu-central-1 first")
          .contains("dry run: 2 copies listed, none made");
      assertThat(exists(ecrMirror, team + "/api")).as("a dry run creates nothing").isFalse();
      assertThat(ecr.allRequests()).noneMatch(l -> l.contains("\"PUT ") || l.contains("\"POST "));

      Exec.Result yes = phoenix(hosts, ca.trustStore(), moto, repo, "--yes");
      assertThat(yes.exitCode()).as(yes.toString()).isZero();
      assertThat(yes.stdout()).contains("created ECR repository " + HOST + "/" + team + "/api")
          .contains("created 1 ECR repository in eu-central-1").contains("copied 2, found 0");
      assertThat(yes.stderr()).contains("mirror: created ECR repository " + HOST + "/" + team + "/api");
      assertThat(yes.stderr().indexOf("mirror: created ECR repository")).as("created before the first copy")
          .isLessThan(yes.stderr().indexOf("mirror: 1 copied"));
      Repository created = ecrMirror.describeRepositories(b -> b.repositoryNames(team + "/api")).repositories().get(0);
      assertThat(created.imageTagMutabilityAsString()).isEqualTo("MUTABLE");
      assertThat(ecrMirror.describeRepositories(b -> b.repositoryNames(team + "/web")).repositories().get(0)
          .imageTagMutabilityAsString()).as("an existing repository is left as it is").isEqualTo("IMMUTABLE");
      // the pushes went to the registry under the ECR host name, after the repository was there
      assertThat(storage.manifestStatus(team + "/api", api)).isEqualTo(200);
      assertThat(storage.manifestStatus(team + "/web", web)).isEqualTo(200);
      assertThat(ecr.allRequests()).anyMatch(l -> l.contains("\"PUT /v2/" + team + "/api/manifests/" + api + " ")
          && l.contains("\" 201 "));
      var ledger = LedgerReader.read("L", Files.readAllBytes(repo.resolve("environments/prod/mirrors.ledger"))).value();
      assertThat(ledger.entries()).extracting(MirrorLedger.Entry::copy)
          .containsExactlyInAnyOrder(HOST + "/" + team + "/api@" + api, HOST + "/" + team + "/web@" + web);

      // everything mirrored: nothing listed, nothing created
      Exec.Result again = phoenix(hosts, ca.trustStore(), moto, repo);
      assertThat(again.stdout()).contains("nothing to copy").doesNotContain("ECR repository");
    }
  }

  private static boolean exists(EcrClient ecr, String name) {
    try {
      return !ecr.describeRepositories(b -> b.repositoryNames(name)).repositories().isEmpty();
    } catch (RepositoryNotFoundException e) {
      return false;
    }
  }

  private Exec.Result phoenix(Path hosts, Path trustStore, MotoServer moto, Path repo, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djdk.net.hosts.file=" + hosts,
        "-Djavax.net.ssl.trustStore=" + trustStore,
        "-Djavax.net.ssl.trustStoreType=PKCS12",
        "-Djavax.net.ssl.trustStorePassword=" + TestCertificates.TRUST_STORE_PASSWORD,
        "-Dphoenix.cache.dir=" + dir.resolve("cache"),
        "-cp", System.getProperty("java.class.path"), "dev.phoenix.cli.Main",
        "mirror", "--repo", repo.toString(), "--env", "prod", "--to", MIRROR, "--since", "30d"));
    command.addAll(List.of(args));
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
        "AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
        "AWS_REGION", MotoServer.REGION, "DOCKER_CONFIG", dir.resolve("no-docker-config").toString());
    return Exec.run(Duration.ofMinutes(3), command, env);
  }
}
