package dev.phoenix.drift;

import dev.phoenix.core.Markup;
import dev.phoenix.report.Json;
import dev.phoenix.verify.report.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drift result as text for people, JSON for machines (docs/drift.md), JUnit XML for CI dashboards
 * and Markdown for a pull request or a wiki. Digests and commit ids are written in full everywhere.
 */
public final class DriftReports {
  private DriftReports() {}

  public static String render(ReportFormat format, DriftResult result) {
    return switch (format) {
      case JSON -> Json.write(json(result)) + "\n";
      case JUNIT -> junit(result);
      case MARKDOWN -> markdown(result);
      case HTML -> throw new IllegalArgumentException("drift is shown on the page through phoenix report --drift");
    };
  }

  public static String text(DriftResult r) {
    StringBuilder s = new StringBuilder();
    s.append("drift of ").append(r.environment()).append(" on ").append(r.target()).append(" against the lockfile at ")
        .append(r.at()).append(" (").append(r.shortId()).append(", ").append(r.committedAt()).append(")\n");
    for (DriftItem i : r.items()) {
      s.append(String.format("  %-11s %s %s", i.status(), i.kind(), i.name()));
      if (i.status() == DriftStatus.MATCH) {
        s.append(": ").append(i.lockfile());
      } else {
        if (i.lockfile() != null) {
          s.append("\n      lockfile: ").append(i.lockfile());
        }
        if (i.running() != null) {
          s.append("\n      running:  ").append(i.running());
        }
        if (i.detail() != null) {
          s.append("\n      ").append(i.detail());
        }
      }
      s.append('\n');
    }
    if (r.items().isEmpty()) {
      s.append("  (the lockfile has no services or functions, and nothing of the environment runs)\n");
    }
    List<String> counts = new ArrayList<>();
    r.summary().forEach((status, n) -> {
      if (n > 0) {
        counts.add(n + " " + status);
      }
    });
    s.append(counts.isEmpty() ? "nothing to compare" : String.join(", ", counts)).append('\n');
    s.append(r.headline()).append('\n');
    return s.toString();
  }

  /** The shape documented in docs/drift.md. */
  public static Map<String, Object> json(DriftResult r) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("environment", r.environment());
    env.put("target", r.target());
    env.put("at", r.at());
    Map<String, Object> compared = new LinkedHashMap<>();
    compared.put("commit", r.commit());
    compared.put("committedAt", r.committedAt().toString());
    env.put("compared", compared);
    env.put("verdict", r.verdict());
    Map<String, Object> summary = new LinkedHashMap<>();
    r.summary().forEach((status, n) -> summary.put(status.name(), n));
    summary.put("total", r.items().size());
    env.put("summary", summary);
    List<Map<String, Object>> items = new ArrayList<>();
    for (DriftItem i : r.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", i.kind());
      m.put("name", i.name());
      m.put("status", i.status().name());
      m.put("lockfile", i.lockfile());
      m.put("running", i.running());
      m.put("detail", i.detail());
      items.add(m);
    }
    env.put("items", items);
    if (r.live() == null) {
      env.put("live", null);
    } else {
      Map<String, Object> live = new LinkedHashMap<>();
      live.put("commit", r.live().commit());
      live.put("committedAt", r.live().committedAt().toString());
      live.put("behind", r.live().behind());
      env.put("live", live);
    }
    env.put("revisionsSearched", r.revisionsSearched());
    env.put("headline", r.headline());
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("kind", "DriftReport");
    top.put("version", 1);
    top.put("environments", List.of(env));
    return top;
  }

  /** One testsuite per environment, one testcase per item: drift statuses are failures, UNKNOWN an error. */
  static String junit(DriftResult r) {
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    int errors = 0;
    String env = Markup.attr(r.environment());
    for (DriftItem i : r.items()) {
      cases.append("    <testcase classname=\"").append(env).append("\" name=\"").append(Markup.attr(i.kind() + " " + i.name()))
          .append("\">\n");
      String body = "lockfile: " + nullText(i.lockfile()) + "\nrunning: " + nullText(i.running())
          + (i.detail() == null ? "" : "\n" + i.detail());
      if (i.status().drift()) {
        failures++;
        cases.append("      <failure type=\"").append(i.status()).append("\" message=\"")
            .append(Markup.attr(i.name() + " " + DriftResult.word(i.status()))).append("\">").append(Markup.text(body))
            .append("</failure>\n");
      } else if (i.status() == DriftStatus.UNKNOWN) {
        errors++;
        cases.append("      <error type=\"UNKNOWN\" message=\"").append(Markup.attr(i.name() + " could not be checked"))
            .append("\">").append(Markup.text(body)).append("</error>\n");
      }
      cases.append("    </testcase>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"phoenix drift\" tests=\"" + r.items().size() + "\" failures=\"" + failures + "\" errors=\""
        + errors + "\">\n"
        + "  <testsuite name=\"" + env + "\" tests=\"" + r.items().size() + "\" failures=\"" + failures + "\" errors=\""
        + errors + "\">\n"
        + "    <properties>\n      <property name=\"target\" value=\"" + Markup.attr(r.target()) + "\"/>\n"
        + "      <property name=\"commit\" value=\"" + Markup.attr(r.commit()) + "\"/>\n"
        + "      <property name=\"live\" value=\"" + Markup.attr(r.live() == null ? "" : r.live().commit()) + "\"/>\n"
        + "    </properties>\n"
        + cases + "  </testsuite>\n</testsuites>\n";
  }

  static String markdown(DriftResult r) {
    StringBuilder s = new StringBuilder("## Drift: " + md(r.environment()) + " (" + r.target() + ")\n\n");
    s.append("**").append(md(r.headline())).append("**\n\n");
    s.append("Compared with the lockfile at `").append(r.at()).append("` (commit `").append(r.commit()).append("`, ")
        .append(r.committedAt()).append(").\n\n");
    s.append("| status | kind | name | lockfile | running | detail |\n|---|---|---|---|---|---|\n");
    for (DriftItem i : r.items()) {
      s.append("| ").append(i.status()).append(" | ").append(i.kind()).append(" | ").append(md(i.name())).append(" | ")
          .append(code(i.lockfile())).append(" | ").append(code(i.running())).append(" | ")
          .append(i.detail() == null ? "" : md(i.detail())).append(" |\n");
    }
    return s.toString();
  }

  private static String nullText(String s) {
    return s == null ? "(nothing)" : s;
  }

  private static String code(String s) {
    return s == null ? "" : "`" + s.replace("`", "'").replace("|", "\\|") + "`";
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
