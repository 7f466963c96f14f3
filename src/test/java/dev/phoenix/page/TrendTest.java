package dev.phoenix.page;

import static dev.phoenix.page.PageSamples.drill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {
  @Test
  void aLeastSquaresLineThroughSucceededDrillsOnly() {
    Trend t = Trend.of(List.of(
        drill("1", "2026-09-01T00:00:00Z", "succeeded", 40_000),
        drill("2", "2026-09-06T00:00:00Z", "failed", 900_000),
        drill("3", "2026-09-11T00:00:00Z", "succeeded", 50_000),
        drill("4", "2026-09-15T00:00:00Z", "planned", 1_000),
        drill("5", "2026-09-21T00:00:00Z", "succeeded", 60_000)));
    assertThat(t.count()).isEqualTo(3);
    assertThat(t.slopePerDay()).isCloseTo(1.0, within(1e-9));
    assertThat(t.intercept()).isCloseTo(40.0, within(1e-9));
    assertThat(t.at(PageSamples.at("2026-10-01T00:00:00Z"))).isCloseTo(70.0, within(1e-9));
    assertThat(t.n()).isEqualTo(1);
    assertThat(t.lastMean()).isEqualTo(60.0);
    assertThat(t.previousMean()).isEqualTo(50.0);
    assertThat(t.changePercent()).isCloseTo(20.0, within(1e-9));
    DrillHistory.Series s = new DrillHistory.Series("prod", "local", List.of(
        drill("1", "2026-09-01T00:00:00Z", "succeeded", 40_000), drill("3", "2026-09-11T00:00:00Z", "succeeded", 50_000)));
    assertThat(DrillHtml.trendWords(s, s.trend())).isEqualTo("2 drills, 2 succeeded. Recovery time trend (least "
        + "squares): +30.0 s per 30 days; the last took 50.0 s against 40.0 s for the one before (+25.0 %).");
  }

  @Test
  void noisyDrillsFitTheTextbookSlope() {
    // x = 0, 1, 2, 3 days; y = 10, 12, 11, 15 s: slope = 1.4, intercept = 9.9
    Trend t = Trend.of(List.of(
        drill("1", "2026-09-01T00:00:00Z", "succeeded", 10_000),
        drill("2", "2026-09-02T00:00:00Z", "succeeded", 12_000),
        drill("3", "2026-09-03T00:00:00Z", "succeeded", 11_000),
        drill("4", "2026-09-04T00:00:00Z", "succeeded", 15_000)));
    assertThat(t.slopePerDay()).isCloseTo(1.4, within(1e-9));
    assertThat(t.intercept()).isCloseTo(9.9, within(1e-9));
    assertThat(t.n()).isEqualTo(2);
    assertThat(t.lastMean()).isEqualTo(13.0);
    assertThat(t.previousMean()).isEqualTo(11.0);
  }

  @Test
  void oneSucceededDrillHasNoTrendAndSaysSo() {
    DrillHistory.Series s = new DrillHistory.Series("prod", "aws", List.of(
        drill("1", "2026-09-01T00:00:00Z", "succeeded", 10_000), drill("2", "2026-09-02T00:00:00Z", "failed", 3_000)));
    assertThat(s.trend().known()).isFalse();
    assertThat(DrillHtml.trendWords(s, s.trend())).isEqualTo("2 drills, 1 succeeded: a trend needs at least two succeeded drills.");
    assertThat(s.lastFailure()).map(DrillHistory.Drill::id).contains("2");
    assertThat(HtmlPage.render(new Page("t", PageSamples.TO, "w", "OK", 0, "h", List.of(new DrillHistory(List.of(s), List.of())))))
        .doesNotContain("class=\"trend\"").doesNotContain("the trend's numbers");
  }
}
