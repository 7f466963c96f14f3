package dev.phoenix.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.cli.Main;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phoenix rollback} on a real Git repository with its images in a real loopback registry:
 * one artefact of three rolled back after a bad promote, a rollback to a revision whose image was
 * deleted refused with the interval it was in force, config left alone unless asked.
 */
class RollbackIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String LOCK = "environments/prod/environment.lock.yaml";
  static LocalRegistry registry;
  /** Version per image reference: a rollback must restore it unchanged with the digest. */
  static final java.util.Map<String, String> byRef = new java.util.concurrent.ConcurrentHashMap<>();
  final java.util.Map<String, String> versions = new java.util.HashMap<>();

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(Path repo, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--repo", repo.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  String image(String name, String tag) {
    versions.put(name + "@" + tag, "1.0." + tag.replaceAll("[^0-9]", "") + "-1-abcdef0");
    String repo = "rollback-" + RUN + "/" + name;
    String ref = registry.reference(repo, registry.pushSyntheticImage(repo, tag,
        (name + " " + tag + " " + RUN).getBytes(StandardCharsets.UTF_8)));
    byRef.put(ref, versions.get(name + "@" + tag));
    return ref;
  }

  static String lockfile(String a, String b, String c, String mode) {
    return "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: prod\nstacks: [apps]\nartefacts:\n"
        + artefact("a", a) + artefact("b", b) + artefact("c", c)
        + "config:\n  a:\n    MODE: {value: " + mode + "}\n";
  }

  static String artefact(String name, String image) {
    return "  " + name + ":\n    type: container-image\n    version: " + byRef.get(image) + "\n    image: " + image + "\n"
        + "    source: {repository: https://git.example.com/" + name + ", commit: abcdef0}\n"
        + "    assurance:\n      - {step: security-scan, result: passed, at: 2026-10-30T10:00:00Z}\n";
  }

  static final String STACK = "apiVersion: phoenix/v1\nkind: Stack\nname: apps\ndependsOn: []\nservices:\n"
      + "  - {name: a, artefact: a, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: a}\n"
      + "  - {name: b, artefact: b, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}\n"
      + "  - {name: c, artefact: c, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}\n";

  static Lockfile read(Path repo) {
    return EstateReader.read(new WorkingTreeFiles(repo), "prod").value().lockfile();
  }

  static String imageOf(Lockfile l, String name) {
    return ((Artefact.ContainerImage) l.artefacts().get(name)).image().digestReference();
  }

  @Test
  void oneArtefactOfThreeRolledBackAfterABadPromoteAsANewRevisionConfigUntouched(@TempDir Path repo) throws Exception {
    String a1 = image("a", "1");
    String b1 = image("b", "1");
    String c1 = image("c", "1");
    String a2 = image("a", "2");
    String b2 = image("b", "2");
    String c2 = image("c", "2");
    String good;
    String bad;
    try (GitFixture git = GitFixture.init(repo)) {
      git.put(LOCK, lockfile(a1, b1, c1, "one")).put("stacks/apps.yaml", STACK)
          .put("environments/prod/policy.yaml", "apiVersion: phoenix/v1\nkind: PromotionPolicy\nrequire:\n"
              + "  - {step: security-scan, result: passed}\n");
      good = git.commit(Instant.parse("2026-11-01T10:00:00Z"), "prod on 1");
      git.put(LOCK, lockfile(a2, b2, c2, "two"));
      bad = git.commit(Instant.parse("2026-11-02T16:40:00Z"), "phoenix promote prod: 3 changes");
      git.checkout();
    }

    Run back = run(repo, "rollback", "--env", "prod", "--to", "2026-11-01", "--only", "b", "--commit");
    assertThat(back.code()).as(back.out() + back.err()).isZero();
    assertThat(back.out()).contains("rolling prod back to revision " + good.substring(0, 7) + " of 2026-11-01T10:00:00Z")
        .contains("~ b: version 1.0.2-1-abcdef0 → version 1.0.1-1-abcdef0")
        // only b's service's config would count, and b has none
        .contains("note: config not rolled back: a rotated secret's old version may have been revoked on purpose");
    Lockfile now = read(repo);
    assertThat(imageOf(now, "b")).isEqualTo(b1);
    assertThat(imageOf(now, "a")).isEqualTo(a2);
    assertThat(imageOf(now, "c")).isEqualTo(c2);
    assertThat(now.artefacts().get("b").assurance()).hasSize(1);
    assertThat(now.config().get("a").get("MODE")).isEqualTo(new ConfigSource.PlainValue("two"));

    try (Git git = Git.open(repo.toFile())) {
      List<RevCommit> log = new ArrayList<>();
      git.log().call().forEach(log::add);
      assertThat(log).hasSize(3);
      assertThat(log.get(1).getName()).isEqualTo(bad);
      assertThat(log.get(2).getName()).isEqualTo(good);
      assertThat(log.get(0).getShortMessage()).startsWith("phoenix rollback prod to " + good.substring(0, 7) + ": ~ b");
      assertThat(log.get(0).getFullMessage()).contains("Rolled back to: " + good);
    }
    Run history = run(repo, "history", "--env", "prod");
    assertThat(history.code()).isZero();
    assertThat(history.out().lines().findFirst().orElse("")).contains("phoenix rollback prod to " + good.substring(0, 7));
    assertThat(history.out()).contains("    ~ b: version 1.0.2-1-abcdef0 → version 1.0.1-1-abcdef0");

    Run config = run(repo, "rollback", "--env", "prod", "--to", good.substring(0, 7), "--only", "a", "--with-config",
        "--output", "json");
    assertThat(config.code()).as(config.out() + config.err()).isZero();
    var json = dev.phoenix.report.Json.mapper().readTree(config.out());
    assertThat(json.get("rolledBackTo").get("commit").asText()).isEqualTo(good);
    assertThat(json.get("rolledBackTo").get("until").asText()).isEqualTo("2026-11-02T16:40:00Z");
    assertThat(json.get("configRolledBack").asBoolean()).isTrue();
    assertThat(json.get("changes")).hasSize(2);
    assertThat(json.get("notes").get(0).asText()).startsWith("config rolled back too: 1 variable(s)");
    assertThat(json.get("commit").isNull()).isTrue();
    assertThat(read(repo).config().get("a").get("MODE")).isEqualTo(new ConfigSource.PlainValue("one"));
    assertThat(imageOf(read(repo), "a")).isEqualTo(a1);
  }

  @Test
  void aRollbackToARevisionWhoseImageWasDeletedIsRefusedWithTheIntervalAndNothingWritten(@TempDir Path repo)
      throws Exception {
    String a1 = image("a", "x1");
    String b1 = image("b", "x1");
    String c1 = image("c", "x1");
    String b2 = image("b", "x2");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put(LOCK, lockfile(a1, b1, c1, "one")).put("stacks/apps.yaml", STACK);
      git.commit(Instant.parse("2026-11-01T10:00:00Z"), "prod on 1");
      git.put(LOCK, lockfile(a1, b2, c1, "one"));
      git.commit(Instant.parse("2026-11-02T16:40:00Z"), "b 2");
      git.checkout();
    }
    String repoName = b1.substring(b1.indexOf('/') + 1, b1.indexOf('@'));
    registry.deleteManifest(repoName, b1.substring(b1.indexOf('@') + 1));
    byte[] before = Files.readAllBytes(repo.resolve(LOCK));

    Run refused = run(repo, "rollback", "--env", "prod", "--to", "2026-11-01T12:00", "--commit");
    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.err()).contains("rollback of prod to revision")
        .contains("in force from 2026-11-01T10:00:00Z to 2026-11-02T16:40:00Z")
        .contains("refused: 1 pin(s) no longer verify; nothing was written")
        .contains("b " + b1 + ": MISSING");
    assertThat(Files.readAllBytes(repo.resolve(LOCK))).isEqualTo(before);
    try (Git git = Git.open(repo.toFile())) {
      assertThat(git.log().call()).hasSize(2);
    }
  }

  @Test
  void aRollbackThePolicyWouldRefuseIsRefusedNamingTheArtefact(@TempDir Path repo) {
    String a1 = image("a", "p1");
    String a2 = image("a", "p2");
    String bc = image("b", "p1");
    try (GitFixture git = GitFixture.init(repo)) {
      git.put(LOCK, lockfile(a1, bc, bc, "one").replace("      - {step: security-scan, result: passed, at: 2026-10-30T10:00:00Z}\n",
              "      - {step: security-scan, result: failed, at: 2026-10-30T10:00:00Z}\n"))
          .put("stacks/apps.yaml", STACK)
          .put("environments/prod/policy.yaml", "apiVersion: phoenix/v1\nkind: PromotionPolicy\nrequire:\n"
              + "  - {step: security-scan, result: passed}\n");
      git.commit(Instant.parse("2026-11-01T10:00:00Z"), "prod on 1");
      git.put(LOCK, lockfile(a2, bc, bc, "one"));
      git.commit(Instant.parse("2026-11-02T16:40:00Z"), "a 2");
      git.checkout();
    }
    Run refused = run(repo, "rollback", "--env", "prod", "--to", "HEAD~1", "--only", "a");
    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.err()).contains("environments/prod/policy.yaml is not met; nothing was written")
        .contains("a: security-scan: newest record is failed");
    assertThat(imageOf(read(repo), "a")).isEqualTo(a2);
  }
}
