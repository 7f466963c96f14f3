package dev.phoenix.page;

import dev.phoenix.core.Markup;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Drill history: per series an inline SVG of recovery time per drill (succeeded filled, plan-only
 * hollow, failed a red cross) with the least-squares trend line, the trend in words and numbers,
 * the last failure named, and the table of every drill.
 */
final class DrillHtml {
  private static final double WIDTH = 960;
  private static final double HEIGHT = 220;
  private static final double LEFT = 60;
  private static final double RIGHT = 20;
  private static final double TOP = 12;
  private static final double BOTTOM = 30;

  private DrillHtml() {}

  static String drillId(int s, int d) {
    return "drills-" + s + "-d" + d;
  }

  static void render(StringBuilder h, DrillHistory history) {
    for (String note : history.notes()) {
      h.append("<p class=\"note\">").append(Markup.text(note)).append("</p>\n");
    }
    for (int s = 0; s < history.series().size(); s++) {
      series(h, history.series().get(s), s + 1);
    }
  }

  private static void series(StringBuilder h, DrillHistory.Series series, int s) {
    String name = series.environment() + " on " + series.target();
    h.append("<article class=\"drills\" id=\"drills-").append(s).append("\" aria-labelledby=\"drills-").append(s)
        .append("-h\">\n<h3 id=\"drills-").append(s).append("-h\">").append(Markup.text(name)).append("</h3>\n");
    Trend trend = series.trend();
    h.append("<p>").append(Markup.text(trendWords(series, trend))).append("</p>\n");
    series.lastFailure().ifPresentOrElse(f -> h.append("<p>Last failure: <a href=\"#")
            .append(drillId(s, series.drills().indexOf(f) + 1)).append("\">").append(Html.time(f.startedAt()))
            .append(" UTC</a> ").append(Markup.text(f.outcome())).append(f.failureReason() == null ? ""
                : " — " + Markup.text(f.failureReason())).append(" <span class=\"note\">(drill ").append(Markup.text(f.id()))
            .append(", lockfile commit <code>").append(Markup.text(f.commit() == null ? "unresolved" : f.commit()))
            .append("</code>)</span></p>\n"),
        () -> h.append("<p>No failed drill in the window.</p>\n"));
    if (!series.drills().isEmpty()) {
      chart(h, series, trend, s);
    }
    trendTable(h, trend, name);
    table(h, series, s, name);
    h.append("</article>\n");
  }

  static String trendWords(DrillHistory.Series series, Trend trend) {
    int n = series.drills().size();
    String count = n + (n == 1 ? " drill" : " drills") + ", " + trend.count() + " succeeded";
    if (!trend.known()) {
      return count + ": a trend needs at least two succeeded drills.";
    }
    String groups = trend.n() == 1
        ? "the last took " + fixed(trend.lastMean()) + " s against " + fixed(trend.previousMean()) + " s for the one before"
        : "the last " + trend.n() + " took " + fixed(trend.lastMean()) + " s on average against "
            + fixed(trend.previousMean()) + " s for the " + trend.n() + " before";
    return count + ". Recovery time trend (least squares): " + signed(trend.slopePerDay() * 30) + " s per 30 days; "
        + groups + " (" + signed(trend.changePercent()) + " %).";
  }

  private static void chart(StringBuilder h, DrillHistory.Series series, Trend trend, int s) {
    List<DrillHistory.Drill> drills = series.drills();
    Instant first = drills.get(0).startedAt();
    Instant last = drills.get(drills.size() - 1).startedAt();
    long pad = Math.max(3600, java.time.Duration.between(first, last).getSeconds() / 20);
    Axis axis = Axis.of(first.minusSeconds(pad), last.plusSeconds(pad), LEFT, WIDTH - LEFT - RIGHT);
    double max = drills.stream().mapToDouble(d -> d.recoveryMillis() / 1000.0).max().orElse(1);
    double step = niceStep(Math.max(max, 1) / 4);
    double top = Math.ceil(Math.max(max, 1) / step) * step;
    double plot = HEIGHT - TOP - BOTTOM;
    String caption = "drills-" + s + "-cap";
    h.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(Html.num(WIDTH)).append(' ')
        .append(Html.num(HEIGHT)).append("\" width=\"").append(Html.num(WIDTH)).append("\" height=\"")
        .append(Html.num(HEIGHT)).append("\" aria-labelledby=\"").append(caption).append("\">\n");
    for (double v = 0; v <= top + step / 2; v += step) {
      double y = TOP + plot - v / top * plot;
      h.append("<line class=\"grid\" x1=\"").append(Html.num(LEFT)).append("\" y1=\"").append(Html.num(y))
          .append("\" x2=\"").append(Html.num(WIDTH - RIGHT)).append("\" y2=\"").append(Html.num(y)).append("\"/>")
          .append("<text x=\"").append(Html.num(LEFT - 6)).append("\" y=\"").append(Html.num(y + 4))
          .append("\" text-anchor=\"end\">").append(fixed(v)).append(" s</text>\n");
    }
    for (Axis.Tick tick : axis.ticks()) {
      h.append("<text x=\"").append(Html.num(tick.x())).append("\" y=\"").append(Html.num(HEIGHT - 10))
          .append("\" text-anchor=\"middle\">").append(Markup.text(tick.label())).append("</text>\n");
    }
    h.append("<line class=\"axis\" x1=\"").append(Html.num(LEFT)).append("\" y1=\"").append(Html.num(TOP + plot))
        .append("\" x2=\"").append(Html.num(WIDTH - RIGHT)).append("\" y2=\"").append(Html.num(TOP + plot)).append("\"/>\n");
    if (trend.known()) {
      List<DrillHistory.Drill> ok = drills.stream().filter(DrillHistory.Drill::succeeded).toList();
      Instant a = ok.get(0).startedAt();
      Instant b = ok.get(ok.size() - 1).startedAt();
      h.append("<line class=\"trend\" x1=\"").append(Html.num(axis.x(a))).append("\" y1=\"")
          .append(Html.num(y(trend.at(a), top, plot))).append("\" x2=\"").append(Html.num(axis.x(b))).append("\" y2=\"")
          .append(Html.num(y(trend.at(b), top, plot))).append("\"><title>trend: ").append(Markup.text(signed(
              trend.slopePerDay() * 30))).append(" s per 30 days</title></line>\n");
    }
    for (int d = 0; d < drills.size(); d++) {
      DrillHistory.Drill drill = drills.get(d);
      double x = axis.x(drill.startedAt());
      double y = y(drill.recoveryMillis() / 1000.0, top, plot);
      String label = Markup.attr("drill " + drill.id() + " " + Html.time(drill.startedAt()) + " UTC: " + drill.outcome()
          + ", recovery " + Html.seconds(drill.recoveryMillis()) + " s");
      h.append("<a href=\"#").append(drillId(s, d + 1)).append("\" aria-label=\"").append(label).append("\">");
      if (drill.failed()) {
        h.append("<path class=\"pt bad\" d=\"M").append(Html.num(x - 5)).append(' ').append(Html.num(y - 5)).append(" L")
            .append(Html.num(x + 5)).append(' ').append(Html.num(y + 5)).append(" M").append(Html.num(x - 5)).append(' ')
            .append(Html.num(y + 5)).append(" L").append(Html.num(x + 5)).append(' ').append(Html.num(y - 5))
            .append("\"><title>").append(label).append("</title></path>");
      } else {
        h.append("<circle class=\"pt ").append(drill.succeeded() ? "ok" : "plan").append("\" cx=\"").append(Html.num(x))
            .append("\" cy=\"").append(Html.num(y)).append("\" r=\"5\"><title>").append(label).append("</title></circle>");
      }
      h.append("</a>\n");
    }
    h.append("</svg>\n<figcaption id=\"").append(caption).append("\">").append(Markup.text(series.environment() + " on "
        + series.target())).append(": recovery time per drill (seconds) against when it started (UTC); filled dots "
            + "succeeded, hollow dots plan-only, red crosses failed; the dashed line is the least-squares trend through "
            + "the succeeded drills. The table below holds the same numbers.</figcaption>\n</figure>\n");
  }

  private static void trendTable(StringBuilder h, Trend trend, String name) {
    if (!trend.known()) {
      return;
    }
    h.append("<table>\n<caption>").append(Markup.text(name)).append(": the trend's numbers</caption>\n<thead><tr>"
        + "<th scope=\"col\">Succeeded drills</th><th scope=\"col\">Slope (s per 30 days)</th>"
        + "<th scope=\"col\">Drills per group</th><th scope=\"col\">Mean of the last group (s)</th>"
        + "<th scope=\"col\">Mean of the group before (s)</th><th scope=\"col\">Change</th></tr></thead>\n<tbody><tr>")
        .append("<td class=\"n\">").append(trend.count()).append("</td><td class=\"n\">")
        .append(signed(trend.slopePerDay() * 30)).append("</td><td class=\"n\">").append(trend.n())
        .append("</td><td class=\"n\">").append(fixed(trend.lastMean())).append("</td><td class=\"n\">")
        .append(fixed(trend.previousMean())).append("</td><td class=\"n\">").append(signed(trend.changePercent()))
        .append(" %</td></tr></tbody>\n</table>\n");
  }

  private static void table(StringBuilder h, DrillHistory.Series series, int s, String name) {
    h.append("<table>\n<caption>").append(Markup.text(name)).append(": every drill in the window (times UTC)</caption>\n"
        + "<thead><tr><th scope=\"col\">Started (UTC)</th><th scope=\"col\">Drill</th><th scope=\"col\">Mode</th>"
        + "<th scope=\"col\">Outcome</th><th scope=\"col\">Recovery (s)</th><th scope=\"col\">Lockfile commit</th>"
        + "<th scope=\"col\">Asked (--at)</th><th scope=\"col\">Failure reason</th></tr></thead>\n<tbody>\n");
    for (int d = 0; d < series.drills().size(); d++) {
      DrillHistory.Drill drill = series.drills().get(d);
      h.append("<tr id=\"").append(drillId(s, d + 1)).append("\"><th scope=\"row\">").append(Html.time(drill.startedAt()))
          .append("</th><td><code>").append(Markup.text(drill.id())).append("</code></td><td>")
          .append(Markup.text(drill.mode())).append("</td><td>").append(Markup.text(drill.outcome()))
          .append("</td><td class=\"n\">").append(Html.seconds(drill.recoveryMillis())).append("</td><td><code>")
          .append(Markup.text(drill.commit() == null ? "" : drill.commit())).append("</code></td><td>")
          .append(Markup.text(drill.asked())).append("</td><td>")
          .append(Markup.text(drill.failureReason() == null ? "" : drill.failureReason())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static double y(double seconds, double top, double plot) {
    return TOP + plot - Math.max(0, seconds) / top * plot;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String fixed(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String signed(double v) {
    String s = String.format(Locale.ROOT, "%+.1f", v);
    return "-0.0".equals(s) ? "+0.0" : s;
  }
}
