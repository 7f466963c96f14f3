package dev.phoenix.aws.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Status;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SsmFindingsTest {
  private static SortedMap<Long, List<String>> versions(long from, long to) {
    SortedMap<Long, List<String>> h = new TreeMap<>();
    for (long v = from; v <= to; v++) {
      h.put(v, List.of());
    }
    return h;
  }

  @Test
  void presentVersionsAreOkAndLabelsAreNamed() {
    SortedMap<Long, List<String>> h = versions(1, 5);
    h.put(3L, List.of("phoenix-keep-prod-v3"));
    assertThat(SsmFindings.of(2, h).status()).isEqualTo(Status.OK);
    assertThat(SsmFindings.of(3, h).reason()).contains("phoenix-keep-prod-v3");
  }

  @Test
  void absentVersionsAreMissingWithTheReason() {
    SortedMap<Long, List<String>> h = versions(12, 111);
    h.remove(50L);
    assertThat(SsmFindings.of(200, h).reason()).contains("does not exist", "latest is 111");
    assertThat(SsmFindings.of(3, h).reason()).contains("gone", "oldest version kept is 12");
    assertThat(SsmFindings.of(50, h).reason()).contains("deleted");
    assertThat(SsmFindings.of(50, h).status()).isEqualTo(Status.MISSING);
    assertThat(SsmFindings.of(1, new TreeMap<>()).status()).isEqualTo(Status.MISSING);
  }

  @Test
  void unlabelledVersionsNearTheHundredLimitAreAtRisk() {
    SortedMap<Long, List<String>> h = versions(1, 90);
    assertThat(SsmFindings.of(1, h).status()).isEqualTo(Status.AT_RISK);
    assertThat(SsmFindings.of(1, h).reason()).contains("90 of SSM's 100", "number 1 from the oldest");
    assertThat(SsmFindings.of(1, versions(1, 89)).status()).isEqualTo(Status.OK);
    h.put(1L, List.of("keep"));
    assertThat(SsmFindings.of(1, h).status()).isEqualTo(Status.OK);
  }

  @Test
  void labelRulesFollowSsm() {
    assertThat(SsmLabelRules.problem("phoenix-keep-prod-v3")).isEmpty();
    assertThat(SsmLabelRules.problem("a.b_c-d")).isEmpty();
    assertThat(SsmLabelRules.problem("")).isPresent();
    assertThat(SsmLabelRules.problem("1abc")).get().asString().contains("digit");
    assertThat(SsmLabelRules.problem("AWS-x")).get().asString().contains("'aws'");
    assertThat(SsmLabelRules.problem("ssmthing")).isPresent();
    assertThat(SsmLabelRules.problem("has space")).isPresent();
    assertThat(SsmLabelRules.problem("x".repeat(101))).get().asString().contains("100");
    assertThat(SsmLabels.keepLabel("prod", 7)).isEqualTo("phoenix-keep-prod-v7");
  }
}
