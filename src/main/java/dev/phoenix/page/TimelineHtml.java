package dev.phoenix.page;

import dev.phoenix.core.Markup;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One environment's timeline: an inline SVG of its bands (each a link to the band's causes), the
 * table of the numbers behind it, and per band its revisions and causes with full references.
 */
final class TimelineHtml {
  private static final double WIDTH = 960;
  private static final double LABEL = 90;
  private static final double ROW = 28;
  private static final double GAP = 8;

  private TimelineHtml() {}

  /** The id of band {@code b} (1-based) of row {@code r} of environment {@code e}. */
  static String bandId(int e, int r, int b) {
    return "env-" + e + "-r" + r + "-b" + b;
  }

  static void render(StringBuilder h, Timeline t, int e) {
    String env = Markup.text(t.environment());
    h.append("<article class=\"env\" id=\"env-").append(e).append("\" aria-labelledby=\"env-").append(e).append("-h\">\n")
        .append("<h3 id=\"env-").append(e).append("-h\">").append(env).append("</h3>\n")
        .append("<p class=\"summary\">").append(Markup.text(t.summary())).append("</p>\n");
    svg(h, t, e);
    table(h, t, e);
    h.append("</article>\n");
  }

  /** Per band of the timeline: its causes with full references and the revisions in force. */
  static void details(StringBuilder h, Timeline t, int e) {
    h.append("<h3>").append(Markup.text(t.environment())).append("</h3>\n");
    for (int r = 0; r < t.rows().size(); r++) {
      Timeline.Row row = t.rows().get(r);
      for (int b = 0; b < row.bands().size(); b++) {
        detail(h, t, row, row.bands().get(b), bandId(e, r + 1, b + 1));
      }
    }
  }

  private static void svg(StringBuilder h, Timeline t, int e) {
    Axis axis = Axis.of(t.from(), t.to(), LABEL, WIDTH - LABEL - 10);
    double height = t.rows().size() * (ROW + GAP) + 24;
    String caption = "env-" + e + "-cap";
    h.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(Html.num(WIDTH)).append(' ')
        .append(Html.num(height)).append("\" width=\"").append(Html.num(WIDTH)).append("\" height=\"")
        .append(Html.num(height)).append("\" aria-labelledby=\"").append(caption).append("\">\n");
    double axisY = t.rows().size() * (ROW + GAP);
    for (Axis.Tick tick : axis.ticks()) {
      h.append("<line class=\"grid\" x1=\"").append(Html.num(tick.x())).append("\" y1=\"0\" x2=\"")
          .append(Html.num(tick.x())).append("\" y2=\"").append(Html.num(axisY)).append("\"/>")
          .append("<text x=\"").append(Html.num(tick.x())).append("\" y=\"").append(Html.num(axisY + 16))
          .append("\" text-anchor=\"middle\">").append(Markup.text(tick.label())).append("</text>\n");
    }
    h.append("<line class=\"axis\" x1=\"").append(Html.num(LABEL)).append("\" y1=\"").append(Html.num(axisY))
        .append("\" x2=\"").append(Html.num(WIDTH - 10)).append("\" y2=\"").append(Html.num(axisY)).append("\"/>\n");
    for (int r = 0; r < t.rows().size(); r++) {
      Timeline.Row row = t.rows().get(r);
      double y = r * (ROW + GAP) + GAP / 2;
      h.append("<text class=\"row-label\" x=\"0\" y=\"").append(Html.num(y + ROW / 2 + 4)).append("\">")
          .append(Markup.text(row.scope())).append("</text>\n");
      for (int b = 0; b < row.bands().size(); b++) {
        Timeline.Band band = row.bands().get(b);
        double x1 = axis.x(band.from());
        double x2 = axis.x(band.to() == null ? t.to() : band.to());
        String label = Markup.attr(t.environment() + " " + row.scope() + ": " + band.health().label() + " from "
            + Html.time(band.from()) + " to " + Html.time(band.to()) + " UTC"
            + (band.causes().isEmpty() ? "" : ", " + band.causes().size() + " cause(s)"));
        h.append("<a href=\"#").append(bandId(e, r + 1, b + 1)).append("\" aria-label=\"").append(label).append("\">")
            .append("<rect class=\"band ").append(band.health().css()).append("\" x=\"").append(Html.num(x1))
            .append("\" y=\"").append(Html.num(y)).append("\" width=\"").append(Html.num(Math.max(2, x2 - x1)))
            .append("\" height=\"").append(Html.num(ROW)).append("\"><title>").append(label).append("</title></rect></a>\n");
      }
    }
    h.append("</svg>\n<figcaption id=\"").append(caption).append("\">").append(Markup.text(t.environment()))
        .append(": restorability from ").append(Html.time(t.from())).append(" to ").append(Html.time(t.to()))
        .append(" UTC; green restorable, amber restorable but at risk, red not restorable, grey unknown. "
            + "Each band links to its causes and revisions (below the other sections); the table holds the same numbers."
            + "</figcaption>\n</figure>\n");
  }

  private static void table(StringBuilder h, Timeline t, int e) {
    double window = Math.max(1, Duration.between(t.from(), t.to()).toMillis());
    h.append("<table>\n<caption>").append(Markup.text(t.environment()))
        .append(": the numbers behind the timeline (times UTC)</caption>\n<thead><tr>"
            + "<th scope=\"col\">Band</th><th scope=\"col\">Scope</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\">From (UTC)</th><th scope=\"col\">To (UTC)</th><th scope=\"col\">Duration</th>"
            + "<th scope=\"col\">Share of window</th><th scope=\"col\">Revisions</th><th scope=\"col\">Causes</th>"
            + "</tr></thead>\n<tbody>\n");
    for (int r = 0; r < t.rows().size(); r++) {
      Timeline.Row row = t.rows().get(r);
      for (int b = 0; b < row.bands().size(); b++) {
        Timeline.Band band = row.bands().get(b);
        Duration d = Duration.between(band.from(), band.to() == null ? t.to() : band.to());
        h.append("<tr><th scope=\"row\"><a href=\"#").append(bandId(e, r + 1, b + 1)).append("\">")
            .append(b + 1).append("</a></th><td>").append(Markup.text(row.scope())).append("</td><td>")
            .append(badge(band.health())).append("</td><td>").append(Html.time(band.from())).append("</td><td>")
            .append(Html.time(band.to())).append("</td><td class=\"n\">").append(duration(d))
            .append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.1f %%", Math.max(0, d.toMillis()) * 100.0 / window))
            .append("</td><td class=\"n\">").append(band.revisions().size()).append("</td><td class=\"n\">")
            .append(band.causes().size()).append("</td></tr>\n");
      }
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void detail(StringBuilder h, Timeline t, Timeline.Row row, Timeline.Band band, String id) {
    h.append("<section class=\"band-detail ").append(band.health().css()).append("\" id=\"").append(id)
        .append("\" aria-labelledby=\"").append(id).append("-h\">\n<h4 id=\"").append(id).append("-h\">")
        .append(badge(band.health())).append(' ').append(Html.time(band.from())).append(" → ")
        .append(Html.time(band.to())).append(" UTC <span class=\"note\">(").append(Markup.text(t.environment()))
        .append(", ").append(Markup.text(row.scope())).append(")</span></h4>\n");
    if (band.causes().isEmpty()) {
      h.append("<p>Nothing in these revisions is missing, corrupt or at risk.</p>\n");
    } else {
      h.append("<table>\n<caption>Causes: every reference or lockfile that is not OK, in full</caption>\n<thead><tr>"
          + "<th scope=\"col\">Reference</th><th scope=\"col\">Used by</th><th scope=\"col\">Status</th>"
          + "<th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
      for (Timeline.Cause c : band.causes()) {
        h.append("<tr><th scope=\"row\"><code>").append(Markup.text(c.subject())).append("</code></th><td>")
            .append(Markup.text(String.join(", ", c.usedBy()))).append("</td><td>").append(Markup.text(c.status()))
            .append("</td><td>").append(Markup.text(c.reason())).append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    boolean open = band.health() != Health.RESTORABLE;
    h.append("<details").append(open ? " open=\"open\"" : "").append("><summary>").append(band.revisions().size())
        .append(band.revisions().size() == 1 ? " lockfile revision" : " lockfile revisions")
        .append(" in force</summary>\n<table>\n<caption>Revisions in force during this band</caption>\n<thead><tr>"
            + "<th scope=\"col\">Commit</th><th scope=\"col\">Committed (UTC)</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\">Subject</th></tr></thead>\n<tbody>\n");
    for (Timeline.Moment rev : band.revisions()) {
      h.append("<tr><th scope=\"row\"><code>").append(Markup.text(rev.commit())).append("</code></th><td>")
          .append(Html.time(rev.committedAt())).append("</td><td>").append(Markup.text(rev.status())).append("</td><td>")
          .append(Markup.text(rev.subject())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</details>\n</section>\n");
  }

  static String badge(Health health) {
    return "<span class=\"badge " + health.css() + "\">" + Markup.text(health.label()) + "</span>";
  }

  /** "2 d 6 h", "5 h 28 min", "12 min", "40 s". */
  static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 86_400) {
      return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
    if (s >= 3600) {
      return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
    return s >= 60 ? s / 60 + " min" : s + " s";
  }
}
