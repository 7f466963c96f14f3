package dev.phoenix.page;

import static dev.phoenix.page.PageSamples.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The renderer alone: escaping, one band per interval, links that resolve, tables equal to the model. */
class HtmlPageTest {
  final Page page = PageSamples.page("prod");
  final String html = HtmlPage.render(page);

  @Test
  void hostileNamesAreEscapedEverywhereAndReadBackAsTheirText() throws Exception {
    Page hostile = PageSamples.page(HOSTILE);
    String out = HtmlPage.render(hostile);
    assertThat(out).doesNotContain("<script").doesNotContain("<img").doesNotContain("\u0007")
        .contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&#39;&amp;");
    XhtmlDom dom = XhtmlDom.parse(out); // well-formed XHTML, whatever the names hold
    assertThat(dom.all("//*[local-name()='script' or local-name()='img' or @onerror]")).isEmpty();
    String clean = HOSTILE.replace("\u0007", "");
    assertThat(dom.all("//*[local-name()='h3']").get(0).getTextContent()).isEqualTo(clean);
    assertThat(dom.all("//*[local-name()='title']").get(0).getTextContent()).isEqualTo("Phoenix restorability: " + clean);
    Element firstBand = dom.all("//*[local-name()='svg']/*[local-name()='a']").get(0);
    assertThat(firstBand.getAttribute("aria-label")).startsWith(clean + " lockfile: restorable from ");
    assertThat(dom.rows("what runs against what the lockfile pins").get(1).get(0)).isEqualTo(clean);
    assertThat(dom.all("//*[local-name()='p'][contains(., 'Last failure')]").get(0).getTextContent())
        .contains("engine apply failed: " + clean);
  }

  @Test
  void theFileIsSelfContained() throws Exception {
    String withoutNamespaces = html.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "")
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertThat(withoutNamespaces).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
        .doesNotContain("<link").doesNotContain("<script");
    XhtmlDom dom = XhtmlDom.parse(html);
    assertThat(dom.all("//*[@src or local-name()='link' or local-name()='script' or local-name()='iframe' "
        + "or local-name()='object' or local-name()='img' or local-name()='image' or local-name()='use']")).isEmpty();
    String css = dom.all("//*[local-name()='style']").get(0).getTextContent();
    assertThat(css).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/page-sample.html"), html); // for a person to look at
    assertThat(dom.all("//*[@href]")).isNotEmpty().allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("#"));
  }

  @Test
  void oneBandPerIntervalInItsColour() throws Exception {
    XhtmlDom dom = XhtmlDom.parse(html);
    assertThat(dom.byClass("rect", "band")).hasSize(10); // two environments, five bands each
    assertThat(dom.byClass("rect", "band", "bad")).hasSize(2);
    assertThat(dom.byClass("rect", "band", "risk")).hasSize(2);
    assertThat(dom.byClass("rect", "band", "ok")).hasSize(4);
    assertThat(dom.byClass("rect", "band", "unknown")).hasSize(2);
    List<Element> prod = dom.all("(//*[local-name()='svg'])[1]//*[local-name()='rect']");
    List<Double> xs = new ArrayList<>();
    for (Element r : prod) {
      xs.add(Double.parseDouble(r.getAttribute("x")));
      assertThat(Double.parseDouble(r.getAttribute("width"))).isGreaterThanOrEqualTo(2);
    }
    assertThat(xs).isSorted(); // oldest first, left to right
    // the red band covers 2 d 6 h 28 min of a 90-day window drawn 860 units wide
    double width = Double.parseDouble(prod.get(1).getAttribute("width"));
    double expected = 860.0 * Duration.parse("PT54H28M").toMillis() / Duration.ofDays(90).toMillis();
    assertThat(width).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  void everyLinkResolvesToExactlyOneElementAndEachBandLinksToItsCauses() throws Exception {
    XhtmlDom dom = XhtmlDom.parse(html);
    Set<String> ids = new HashSet<>();
    for (Element e : dom.all("//*[@id]")) {
      assertThat(ids.add(e.getAttribute("id"))).as("id %s is unique", e.getAttribute("id")).isTrue();
    }
    List<Element> links = dom.all("//*[@href]");
    assertThat(links).hasSizeGreaterThan(20);
    for (Element a : links) {
      assertThat(ids).as("target of " + a.getAttribute("href")).contains(a.getAttribute("href").substring(1));
    }
    Element red = dom.byClass("rect", "band", "bad").get(0);
    String target = ((Element) red.getParentNode()).getAttribute("href").substring(1);
    Element detail = dom.all("//*[@id='" + target + "']").get(0);
    assertThat(detail.getAttribute("class")).contains("bad");
    assertThat(detail.getTextContent()).contains(PageSamples.MISSING_REF).contains("manifest unknown")
        .contains("3".repeat(40)).doesNotContain("…");
    Element amber = dom.byClass("rect", "band", "risk").get(0);
    Element riskDetail = dom.all("//*[@id='" + ((Element) amber.getParentNode()).getAttribute("href").substring(1) + "']").get(0);
    assertThat(riskDetail.getTextContent()).contains(PageSamples.RISK_REF).contains("no phoenix protect mark");
  }

  @Test
  void theTimelineTableHoldsTheModelsNumbers() throws Exception {
    XhtmlDom dom = XhtmlDom.parse(html);
    List<List<String>> rows = dom.rows("prod: the numbers behind the timeline");
    List<Timeline.Band> bands = page.sections().stream().filter(Restorability.class::isInstance)
        .map(Restorability.class::cast).findFirst().orElseThrow().timelines().get(0).rows().get(0).bands();
    assertThat(rows).hasSize(bands.size());
    double share = 0;
    for (int i = 0; i < bands.size(); i++) {
      Timeline.Band b = bands.get(i);
      List<String> row = rows.get(i);
      assertThat(row.get(0)).isEqualTo(String.valueOf(i + 1));
      assertThat(row.get(1)).isEqualTo("lockfile");
      assertThat(row.get(2)).isEqualTo(b.health().label());
      assertThat(row.get(3)).isEqualTo(Html.time(b.from()));
      assertThat(row.get(4)).isEqualTo(Html.time(b.to()));
      assertThat(row.get(7)).isEqualTo(String.valueOf(b.revisions().size()));
      assertThat(row.get(8)).isEqualTo(String.valueOf(b.causes().size()));
      share += Double.parseDouble(row.get(6).replace(" %", ""));
    }
    assertThat(rows.get(1).get(5)).isEqualTo("2 d 6 h");
    assertThat(rows.get(4).get(4)).isEqualTo("now");
    assertThat(share).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.3));
  }

  @Test
  void theDrillTableAndTrendHoldTheModelsNumbers() throws Exception {
    XhtmlDom dom = XhtmlDom.parse(html);
    DrillHistory.Series series = PageSamples.drills("prod").series().get(0);
    List<List<String>> rows = dom.rows("every drill in the window");
    assertThat(rows).hasSize(series.drills().size());
    for (int i = 0; i < rows.size(); i++) {
      DrillHistory.Drill d = series.drills().get(i);
      assertThat(rows.get(i).get(0)).isEqualTo(Html.time(d.startedAt()));
      assertThat(rows.get(i).get(3)).isEqualTo(d.outcome());
      assertThat(rows.get(i).get(4)).isEqualTo(Html.seconds(d.recoveryMillis()));
      assertThat(rows.get(i).get(5)).isEqualTo(d.commit());
    }
    Trend t = series.trend();
    List<String> trend = dom.rows("the trend").get(0);
    assertThat(trend).containsExactly(String.valueOf(t.count()), DrillHtml.signed(t.slopePerDay() * 30),
        String.valueOf(t.n()), DrillHtml.fixed(t.lastMean()), DrillHtml.fixed(t.previousMean()),
        DrillHtml.signed(t.changePercent()) + " %");
    assertThat(dom.byClass("circle", "pt", "ok")).hasSize(6);
    assertThat(dom.byClass("circle", "pt", "plan")).hasSize(1);
    assertThat(dom.byClass("path", "pt", "bad")).hasSize(1);
    assertThat(dom.byClass("line", "trend")).hasSize(1);
    Element last = dom.all("//*[local-name()='p'][starts-with(., 'Last failure')]").get(0);
    assertThat(last.getTextContent()).contains("2026-09-15 10:00").contains("failed").contains("00000003");
  }

  @Test
  void driftRowsCarryBothSidesAndAStatusBadge() throws Exception {
    XhtmlDom dom = XhtmlDom.parse(html);
    List<List<String>> rows = dom.rows("what runs against what the lockfile pins");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).containsExactly(HOSTILE.replace("\u0007", ""), "DRIFTED", PageSamples.MISSING_REF,
        "registry.example.com/payments/api@sha256:" + "cd".repeat(32));
    assertThat(rows.get(2).get(3)).isEmpty();
    assertThat(dom.byClass("span", "badge", "bad").stream().map(Element::getTextContent).toList())
        .contains("DRIFTED", "NOT_RUNNING");
    assertThat(html).contains("1 MATCH, 1 DRIFTED, 1 NOT_RUNNING");
  }

  @Test
  void svgsAreLabelledAndEveryTableHasACaptionAndScopedHeaders() throws Exception {
    XhtmlDom dom = XhtmlDom.parse(html);
    for (Element svg : dom.all("//*[local-name()='svg']")) {
      String label = svg.getAttribute("aria-labelledby");
      assertThat(dom.all("//*[@id='" + label + "']")).as("caption of an svg").hasSize(1);
    }
    for (Element a : dom.all("//*[local-name()='svg']//*[local-name()='a']")) {
      assertThat(a.getAttribute("aria-label")).isNotBlank();
    }
    for (Element table : dom.all("//*[local-name()='table']")) {
      assertThat(table.getElementsByTagNameNS("*", "caption").getLength()).isEqualTo(1);
    }
    for (Element th : dom.all("//*[local-name()='th']")) {
      assertThat(th.getAttribute("scope")).isIn("col", "row");
    }
  }

  @Test
  void numbersInSvgAreLocaleFree() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      Matcher m = Pattern.compile(" (?:x|width|cx|cy|y1|x1)=\"([^\"]*)\"").matcher(HtmlPage.render(page));
      int n = 0;
      while (m.find()) {
        assertThat(m.group(1)).matches("-?[0-9]+(\\.[0-9]+)?");
        n++;
      }
      assertThat(n).isGreaterThan(20);
    } finally {
      Locale.setDefault(before);
    }
  }
}
