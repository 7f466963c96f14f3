package dev.phoenix.page;

import dev.phoenix.core.Markup;
/**
 * Renders a {@link Page} as one self-contained HTML file: inline CSS and SVG, no script, no URL
 * outside the page (every link is {@code #id} within it), well-formed XHTML so any XML parser reads
 * it. Every value goes through {@link Html}; ids are built from positions, never from names.
 */
public final class HtmlPage {
  private static final String CAUSES = "Causes and revisions of each band";

  private HtmlPage() {}

  public static String render(Page page) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n"
        + "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<meta name=\"generator\" content=\"phoenix\"/>\n<title>").append(Markup.text(page.title())).append("</title>\n<style>\n")
        .append(PageStyle.CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>").append(Markup.text(page.title()))
        .append("</h1>\n<p class=\"verdict ").append(verdictCss(page.verdict())).append("\">")
        .append(Markup.text(page.headline())).append("</p>\n<p class=\"meta\">Window: ").append(Markup.text(page.window()))
        .append(". Gathered ").append(Html.time(page.generatedAt())).append(" UTC. Verdict ")
        .append(Markup.text(page.verdict())).append(" (exit code ").append(page.exitCode()).append(").</p>\n");
    Restorability timelines = (Restorability) page.sections().stream().filter(Restorability.class::isInstance)
        .findFirst().orElse(null);
    h.append("<nav aria-label=\"Contents\"><ul>\n");
    for (Section s : page.sections()) {
      h.append("<li><a href=\"#").append(id(s)).append("\">").append(Markup.text(s.title())).append("</a></li>\n");
    }
    if (timelines != null) {
      h.append("<li><a href=\"#causes\">").append(CAUSES).append("</a></li>\n");
    }
    h.append("</ul></nav>\n");
    h.append("</header>\n<main>\n");
    for (Section s : page.sections()) {
      h.append("<section id=\"").append(id(s)).append("\" aria-labelledby=\"").append(id(s)).append("-h\">\n<h2 id=\"")
          .append(id(s)).append("-h\">").append(Markup.text(s.title())).append("</h2>\n");
      if (s instanceof Restorability r) {
        restorability(h, r);
      } else if (s instanceof DrillHistory d) {
        DrillHtml.render(h, d);
      } else if (s instanceof DriftView d) {
        DriftHtml.render(h, d);
      }
      h.append("</section>\n");
    }
    if (timelines != null) {
      h.append("<section id=\"causes\" aria-labelledby=\"causes-h\">\n<h2 id=\"causes-h\">").append(CAUSES)
          .append("</h2>\n<p class=\"note\">Every band of every timeline above, in order: what is not OK in it, "
              + "with full references, and the lockfile revisions in force.</p>\n");
      for (int e = 0; e < timelines.timelines().size(); e++) {
        TimelineHtml.details(h, timelines.timelines().get(e), e + 1);
      }
      h.append("</section>\n");
    }
    h.append("</main>\n<footer>Written by <code>phoenix</code> from verify results, drill records and drift runs, "
        + "which hold no secret values. Times are UTC.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The fixed id of a section kind (one section per kind). */
  static String id(Section s) {
    return s instanceof Restorability ? "restorability" : s instanceof DrillHistory ? "drills" : "drift";
  }

  private static void restorability(StringBuilder h, Restorability r) {
    h.append("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for (Health health : Health.values()) {
      h.append("<li><span class=\"swatch ").append(health.css()).append("\"></span>").append(Markup.text(health.label()))
          .append("</li>\n");
    }
    h.append("</ul>\n");
    if (r.timelines().isEmpty()) {
      h.append("<p class=\"note\">No environment was verified.</p>\n");
    }
    for (int e = 0; e < r.timelines().size(); e++) {
      TimelineHtml.render(h, r.timelines().get(e), e + 1);
    }
  }

  private static String verdictCss(String verdict) {
    return switch (verdict) {
      case "OK" -> "ok";
      case "BROKEN" -> "bad";
      default -> "unknown";
    };
  }
}
