package dev.phoenix.rebuild.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthesis as users run it: the unpacked distribution's launcher, CDKTF's jars in {@code
 * lib/cdktf/} and off the class path, read only by the synthesis engine's own class loader. A
 * plan-only rebuild for AWS against moto synthesizes and plans; the JVM's class-loading log shows
 * where CDKTF came from.
 */
class DistributionRebuildIT {

  private static final List<String> CDKTF = List.of("cdktf-", "cdktf-provider-aws-", "constructs-", "jsii-runtime-");

  @TempDir Path dir;

  @Test
  void theDistributionSynthesizesWithCdktfOffTheClassPath() throws Exception {
    Path target = Servers.projectRoot().resolve("target");
    String version = Files.readString(target.resolve("phoenix.version.txt")).strip();
    Exec.run(Duration.ofSeconds(60), "tar", "-xzf", target.resolve("phoenix-" + version + ".tar.gz").toString(),
        "-C", dir.toString()).orThrow();
    Path home = dir.resolve("phoenix-" + version);
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")))
          .as("the class path (lib/*.jar)").isNotEmpty()
          .noneMatch(n -> CDKTF.stream().anyMatch(n::startsWith));
    }
    try (Stream<Path> cdktf = Files.list(home.resolve("lib/cdktf"))) {
      assertThat(cdktf.map(p -> p.getFileName().toString().replaceAll("[0-9.]+\\.jar$", "")))
          .containsExactlyInAnyOrderElementsOf(CDKTF);
    }

    MotoServer moto = MotoServer.shared();
    MotoEstate estate = new MotoEstate(moto);
    estate.ssm.putParameter(b -> b.name("/prod/api/url").value("https://example.com").type("String"));
    String lock = "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: prod\nstacks: [apps]\nartefacts:\n"
        + "  api:\n    type: container-image\n    version: 1.0.0-1-abcdef0\n"
        + "    image: registry.example.com/app/api@sha256:" + "a".repeat(64) + "\n"
        + "    source: {repository: https://git.example.com/api, commit: abcdef0}\n"
        + "config:\n  api:\n    URL: {ssm: /prod/api/url, version: 1}\n";
    String stack = "apiVersion: phoenix/v1\nkind: Stack\nname: apps\ndependsOn: []\nservices:\n"
        + "  - {name: api, artefact: api, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: api}\n";
    Path repo = dir.resolve("repo");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put("environments/prod/environment.lock.yaml", lock).put("stacks/apps.yaml", stack);
      git.commit(Instant.parse("2026-10-20T09:00:00Z"), "pin prod");
      git.checkout();
    }

    Path classLog = dir.resolve("classes.log");
    Exec.Result run = Exec.run(Duration.ofMinutes(5), List.of(home.resolve("bin/phoenix").toString(),
            "rebuild", "--env", "prod", "--at", "2026-11-01", "--target", "aws", "--repo", repo.toString(),
            "--out", dir.resolve("out").toString(),
            "--region", MotoEstate.REGION, "--account", "123456789012", "--name-prefix", "dist-prod",
            "--aws-endpoint", moto.endpoint().toString(), "--engine", "/usr/local/bin/terraform",
            "--provider-mirror", "/opt/tf-plugins", "--allow-unknown"),
        Map.of("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
            "AWS_REGION", MotoEstate.REGION, "XDG_CACHE_HOME", dir.resolve("cache").toString(), "PHOENIX_CDS", "off",
            "PHOENIX_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("planned");
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("cdk.tf.json");
    }
    String classes = Files.readString(classLog);
    assertThat(classes).containsPattern("com\\.hashicorp\\.cdktf\\.App source: .*/lib/cdktf/cdktf-[0-9.]+\\.jar")
        .containsPattern("dev\\.phoenix\\.synth\\.cdktf\\.CdktfEngine source: .*/lib/phoenix\\.jar");
  }
}
