package dev.phoenix.lockwrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Source;
import dev.phoenix.support.Estates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockTextTest {
  static final String DIGEST = "sha256:" + "ab".repeat(32);
  static final String COMMENTED = Estates.prodLock()
      .replace("  ledger-worker:\n", "  # ledger team owns this one\n  ledger-worker:\n")
      .replace("config:\n", "# config below is pinned by version\nconfig:\n");

  static Artefact.ContainerImage api(String version, String digest, List<Assurance> trail) {
    return new Artefact.ContainerImage("payments-api", version,
        ImageReference.of("registry.example.com/payments/api@" + digest),
        new Source("https://git.example.com/payments/api", "a1b2c3d4e5f6"), trail);
  }

  @Test
  void changingAnArtefactTouchesOnlyItsChangedLinesAndKeepsTheTrailingComment() {
    LockText text = new LockText(COMMENTED);
    String out = new LockEdit.PutArtefact(api("1.5.0-400-a1b2c3d", DIGEST, List.of())).applyTo(text).text();
    assertThat(out).contains("    version: 1.5.0-400-a1b2c3d          # ${semver}-${build-number}-${commit-hash-fragment}\n");
    assertThat(out).contains("    image: registry.example.com/payments/api@" + DIGEST + "\n");
    assertThat(out).contains("    source: {repository: https://git.example.com/payments/api, commit: a1b2c3d4e5f6}\n");
    assertThat(out).contains("  # ledger team owns this one\n  ledger-worker:\n");
    assertThat(out).contains("# config below is pinned by version\nconfig:\n");
    // the old assurance belonged to other bytes: gone from payments-api, kept elsewhere
    String api = out.substring(out.indexOf("  payments-api:"), out.indexOf("  # ledger team"));
    assertThat(api).doesNotContain("assurance");
    assertThat(out).contains("runs/1204");
    assertThat(changedLines(COMMENTED, out)).isEqualTo(3);
    assertThat(out.split("\n", -1)).hasSize(COMMENTED.split("\n", -1).length - 3);
  }

  @Test
  void anUnchangedArtefactLeavesTheTextByteForByte() {
    String same = new LockEdit.PutConfig("payments-api", "LOG_LEVEL", new ConfigSource.PlainValue("info"))
        .applyTo(new LockText(COMMENTED)).text();
    assertThat(same).isEqualTo(COMMENTED);
  }

  @Test
  void aNewArtefactGoesAtTheEndOfArtefactsBeforeTheCommentOfTheNextSection() {
    Artefact.ContainerImage fresh = new Artefact.ContainerImage("fraud-check", "0.1.0-1-abcdef1",
        ImageReference.of("registry.example.com/payments/fraud@" + DIGEST), null, List.of());
    String out = new LockEdit.PutArtefact(fresh).applyTo(new LockText(COMMENTED)).text();
    assertThat(out).contains("    region: eu-west-2\n  fraud-check:\n    type: container-image\n"
        + "    version: 0.1.0-1-abcdef1\n    image: registry.example.com/payments/fraud@" + DIGEST
        + "\n# config below is pinned by version\nconfig:\n");
    assertThat(out.indexOf("  payments-api:")).isLessThan(out.indexOf("  ledger-worker:"));
  }

  @Test
  void assuranceIsAppendedAfterTheLastRecord() {
    Assurance record = new Assurance("security-scan", "passed", Instant.parse("2026-11-21T10:00:00Z"),
        "https://ci.example.com/runs/9?x=1&y=2");
    String out = new LockEdit.AddAssurance("ledger-worker", record).applyTo(new LockText(COMMENTED)).text();
    assertThat(out).contains("runs/1205}\n      - {step: security-scan, result: passed, "
        + "at: 2026-11-21T10:00:00Z, evidence: \"https://ci.example.com/runs/9?x=1&y=2\"}\n  statements:");
    assertThat(changedLines(COMMENTED, out)).isEqualTo(1);
  }

  @Test
  void assuranceOnAnArtefactWithoutATrailAddsTheField() {
    Assurance record = new Assurance("ami-scan", "passed", Instant.parse("2026-11-21T10:00:00Z"), null);
    String out = new LockEdit.AddAssurance("bastion", record).applyTo(new LockText(COMMENTED)).text();
    assertThat(out).contains("    region: eu-west-2\n    assurance:\n      - {step: ami-scan, result: passed, "
        + "at: 2026-11-21T10:00:00Z}\n# config below");
  }

  @Test
  void configVariablesAreReplacedInPlaceOrAppendedToTheirBlock() {
    LockText text = new LockText(COMMENTED);
    text = new LockEdit.PutConfig("payments-api", "DATABASE_URL", new ConfigSource.SsmParameter("/prod/payments/database-url", 8)).applyTo(text);
    text = new LockEdit.PutConfig("ledger-worker", "BATCH", new ConfigSource.PlainValue("a, b # not a comment")).applyTo(text);
    text = new LockEdit.PutConfig("fraud-check", "API_KEY", new ConfigSource.SecretVersion("prod/fraud/key", "v-1")).applyTo(text);
    String out = text.text();
    assertThat(out).contains("    DATABASE_URL: {ssm: /prod/payments/database-url, version: 8}\n    API_KEY:");
    assertThat(out).contains("    LOG_LEVEL: {value: warn}\n    BATCH: {value: \"a, b # not a comment\"}\n  statements:");
    assertThat(out).endsWith("  fraud-check:\n    API_KEY: {secret: prod/fraud/key, versionId: v-1}\n");
    assertThat(changedLines(COMMENTED, out)).isEqualTo(1 + 1 + 2);
  }

  @Test
  void awkwardScalarsAreQuotedOnlyWhenPlainWouldReadDifferently() {
    assertThat(Render.scalar("1.4.2-318-9f3c2ab")).isEqualTo("1.4.2-318-9f3c2ab");
    assertThat(Render.scalar("https://ci.example.com/runs/1")).isEqualTo("https://ci.example.com/runs/1");
    assertThat(Render.scalar("12")).isEqualTo("\"12\"");
    assertThat(Render.scalar("yes")).isEqualTo("\"yes\"");
    assertThat(Render.scalar("a: b")).isEqualTo("\"a: b\"");
    assertThat(Render.scalar("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(Digest.of(DIGEST).toString()).isEqualTo(Render.scalar(DIGEST));
  }

  static int changedLines(String a, String b) {
    List<String> x = List.of(a.split("\n", -1));
    List<String> y = new ArrayList<>(List.of(b.split("\n", -1)));
    int common = 0;
    for (String line : x) {
      if (y.remove(line)) {
        common++;
      }
    }
    return b.split("\n", -1).length - common;
  }
}
