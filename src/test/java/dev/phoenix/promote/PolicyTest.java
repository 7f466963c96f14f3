package dev.phoenix.promote;

import dev.phoenix.core.Durations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import dev.phoenix.model.ImageReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final String GOOD = """
      apiVersion: phoenix/v1
      kind: PromotionPolicy
      from: [staging]
      require:
        - {step: unit-tests, result: passed}
        - step: integration-tests
          evidence: https://ci\\.example\\.com/runs/[0-9]+
          minAge: 2h
          maxAge: 30d
        - {step: pen-test, artefacts: [payments-api]}
      """;

  static Parsed<Policy> read(String yaml) {
    return PolicyReader.read("environments/prod/policy.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  static Artefact image(String name, Assurance... trail) {
    return new Artefact.ContainerImage(name, "1.0.0-1-abcdef1",
        ImageReference.of("registry.example.com/a/b@sha256:" + "0".repeat(64)), null, List.of(trail));
  }

  static Assurance rec(String step, String result, String at, String evidence) {
    return new Assurance(step, result, Instant.parse(at), evidence);
  }

  @Test
  void aGoodPolicyReadsWithDefaults() {
    Parsed<Policy> p = read(GOOD);
    assertThat(p.problems()).isEmpty();
    assertThat(p.value().from()).containsExactly("staging");
    assertThat(p.value().require()).extracting(Policy.Requirement::step)
        .containsExactly("unit-tests", "integration-tests", "pen-test");
    assertThat(p.value().require().get(2).result()).isEqualTo("passed");
    assertThat(p.value().require().get(1).minAge()).hasHours(2);
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    Parsed<Policy> p = read("""
        apiVersion: phoenix/v2
        kind: PromotionPolicy
        require:
          - {step: unit-tests, result: green}
          - {result: passed}
          - {step: it, evidence: "https://[", minAge: 3 days}
          - {step: soak, minAge: 2d, maxAge: 1d, owner: me}
        """);
    assertThat(p.problems()).extracting(Problem::render).containsExactly(
        "environments/prod/policy.yaml:1: apiVersion 'phoenix/v2' where phoenix/v1 was expected — use apiVersion: phoenix/v1",
        "environments/prod/policy.yaml:4: result 'green' is not a known result — use passed, failed or skipped",
        "environments/prod/policy.yaml:5: a require entry has no step — add step: <name>, e.g. step: integration-tests",
        "environments/prod/policy.yaml:6: evidence is not a valid regular expression: Unclosed character class — "
            + "write a Java regular expression the whole evidence URL must match, e.g. https://ci\\.example\\.com/.*",
        "environments/prod/policy.yaml:6: minAge '3 days' is not a duration — write a number and a unit: 30m, 12h, 7d, 2w",
        "environments/prod/policy.yaml:7: unknown field 'owner' in require — allowed: artefacts, evidence, maxAge, minAge, result, step",
        "environments/prod/policy.yaml:7: minAge 2d is longer than maxAge 1d: no record could ever satisfy both — make minAge shorter than maxAge");
  }

  @Test
  void aMissingRequireListAndWrongKindAreProblems() {
    Parsed<Policy> p = read("apiVersion: phoenix/v1\nkind: EnvironmentLock\n");
    assertThat(p.problems()).extracting(Problem::message)
        .containsExactly("the policy has no 'require' list", "kind 'EnvironmentLock' where PromotionPolicy was expected");
  }

  @Test
  void aFullTrailMeetsThePolicy() {
    Policy policy = read(GOOD).value();
    Artefact a = image("payments-api",
        rec("unit-tests", "passed", "2026-11-25T08:00:00Z", null),
        rec("integration-tests", "passed", "2026-11-25T09:00:00Z", "https://ci.example.com/runs/319"),
        rec("pen-test", "passed", "2026-11-20T09:00:00Z", null));
    assertThat(PolicyCheck.missing(policy, a, NOW)).isEmpty();
  }

  @Test
  void eachUnmetRuleIsNamed() {
    Policy policy = read(GOOD).value();
    Artefact a = image("payments-api",
        rec("unit-tests", "passed", "2026-11-25T08:00:00Z", null),
        rec("unit-tests", "failed", "2026-11-25T08:30:00Z", null),
        rec("integration-tests", "passed", "2026-11-25T11:00:00Z", "https://evil.example.com/runs/1"));
    assertThat(PolicyCheck.missing(policy, a, NOW)).containsExactly(
        "unit-tests: newest record is failed at 2026-11-25T08:30:00Z (needs passed)",
        "integration-tests: evidence 'https://evil.example.com/runs/1' does not match https://ci\\.example\\.com/runs/[0-9]+",
        "integration-tests: record is 1h old, needs at least 2h (earliest 2026-11-25T13:00:00Z)",
        "pen-test: no record (needs result passed)");
  }

  @Test
  void staleEvidenceAndScopedRules() {
    Policy policy = read(GOOD).value();
    Artefact worker = image("ledger-worker",
        rec("unit-tests", "passed", "2026-10-01T08:00:00Z", null),
        rec("integration-tests", "passed", "2026-10-01T09:00:00Z", "https://ci.example.com/runs/5"));
    assertThat(PolicyCheck.missing(policy, worker, NOW)).containsExactly(
        "integration-tests: record is 55d old, at most 30d allowed: run integration-tests again");
  }

  @Test
  void durations() {
    assertThat(Durations.parse("90d")).hasValueSatisfying(d -> assertThat(d).hasDays(90));
    assertThat(Durations.parse("2w")).hasValueSatisfying(d -> assertThat(d).hasDays(14));
    assertThat(Durations.parse("90")).isEmpty();
    assertThat(Durations.format(java.time.Duration.ofMinutes(90))).isEqualTo("90m");
  }
}
