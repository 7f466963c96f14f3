package dev.phoenix.page;

import dev.phoenix.core.Markup;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Drift: per environment the run's summary, the count per status, and every service or function. */
final class DriftHtml {
  private DriftHtml() {}

  static void render(StringBuilder h, DriftView drift) {
    for (String note : drift.notes()) {
      h.append("<p class=\"note\">").append(Markup.text(note)).append("</p>\n");
    }
    for (int e = 0; e < drift.environments().size(); e++) {
      environment(h, drift.environments().get(e), e + 1);
    }
  }

  private static void environment(StringBuilder h, DriftView.Environment env, int e) {
    h.append("<article class=\"drift\" id=\"drift-").append(e).append("\" aria-labelledby=\"drift-").append(e)
        .append("-h\">\n<h3 id=\"drift-").append(e).append("-h\">").append(Markup.text(env.environment())).append("</h3>\n");
    if (env.summary() != null) {
      h.append("<p class=\"summary\">").append(Markup.text(env.summary())).append("</p>\n");
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    env.items().forEach(i -> counts.merge(i.status() == null ? "UNKNOWN" : i.status(), 1, Integer::sum));
    StringBuilder words = new StringBuilder();
    counts.forEach((status, n) -> words.append(words.length() == 0 ? "" : ", ").append(n).append(' ').append(status));
    h.append("<p class=\"meta\">From <code>").append(Markup.text(env.source())).append("</code>")
        .append(env.checkedAt() == null ? "" : ", checked " + Markup.text(env.checkedAt())).append(": ")
        .append(env.items().isEmpty() ? "no services or functions listed" : Markup.text(words.toString())).append(".</p>\n");
    if (env.items().isEmpty()) {
      h.append("</article>\n");
      return;
    }
    h.append("<table>\n<caption>").append(Markup.text(env.environment()))
        .append(": what runs against what the lockfile pins</caption>\n<thead><tr><th scope=\"col\">Service or function</th>"
            + "<th scope=\"col\">Status</th><th scope=\"col\">Lockfile</th><th scope=\"col\">Running</th></tr></thead>\n"
            + "<tbody>\n");
    for (DriftView.Item i : env.items()) {
      String status = i.status() == null ? "UNKNOWN" : i.status();
      h.append("<tr><th scope=\"row\">").append(Markup.text(i.name())).append("</th><td><span class=\"badge ")
          .append(css(status)).append("\">").append(Markup.text(status)).append("</span></td><td><code>")
          .append(Markup.text(i.lockfile())).append("</code></td><td><code>").append(Markup.text(i.running()))
          .append("</code></td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</article>\n");
  }

  static String css(String status) {
    return switch (status.toUpperCase(Locale.ROOT)) {
      case "MATCH" -> "ok";
      case "DRIFTED", "NOT_RUNNING" -> "bad";
      case "UNPINNED", "UNMANAGED" -> "risk";
      default -> "unknown";
    };
  }
}
