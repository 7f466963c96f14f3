package dev.phoenix.verify.report;

import dev.phoenix.core.Markup;
import dev.phoenix.check.Status;
import dev.phoenix.verify.DataReport;
import dev.phoenix.verify.EnvReport;
import dev.phoenix.verify.RefUse;
import dev.phoenix.verify.RevisionResult;
import dev.phoenix.verify.RevisionStatus;
import dev.phoenix.verify.VerifyResult;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML for CI dashboards: one testsuite per environment, one testcase per reference
 * (classname = environment, name = usage + reference). MISSING/CORRUPT are failures, UNKNOWN an
 * error, AT_RISK a system-out warning (a failure under --strict). A revision whose lockfile fails
 * validation adds a failed testcase "lockfile at COMMIT". References and commit ids are written in
 * full (a dashboard or script acts on them), never shortened as in the text report.
 */
public final class JunitReport {
  private JunitReport() {}

  public static String render(VerifyResult result) {
    StringBuilder body = new StringBuilder();
    int tests = 0;
    int failures = 0;
    int errors = 0;
    for (EnvReport e : result.environments()) {
      Suite s = suite(e, result.strict());
      body.append(s.xml());
      tests += s.tests();
      failures += s.failures();
      errors += s.errors();
    }
    String time = seconds(result.stats().elapsed().toMillis());
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"phoenix verify\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\""
        + errors + "\" time=\"" + time + "\">\n" + body + "</testsuites>\n";
  }

  private record Suite(String xml, int tests, int failures, int errors) {}

  private static Suite suite(EnvReport e, boolean strict) {
    StringBuilder cases = new StringBuilder();
    int tests = 0;
    int failures = 0;
    int errors = 0;
    String env = Markup.attr(e.label());
    for (RevisionResult r : e.revisions()) {
      if (r.status() == RevisionStatus.INVALID) {
        tests++;
        failures++;
        StringBuilder detail = new StringBuilder();
        r.revision().problems().forEach(p -> detail.append(p.render()).append('\n'));
        cases.append("    <testcase classname=\"").append(env).append("\" name=\"lockfile at ")
            .append(r.revision().commit().id()).append("\">\n")
            .append("      <failure type=\"INVALID\" message=\"the lockfile fails validation: not restorable as written\">")
            .append(Markup.text(detail.toString())).append("</failure>\n    </testcase>\n");
      }
    }
    for (RefUse u : e.references()) {
      tests++;
      Status s = u.finding().status();
      cases.append("    <testcase classname=\"").append(env).append("\" name=\"")
          .append(Markup.attr(String.join(", ", u.usages()) + " " + u.ref().id())).append("\">\n");
      String message = Markup.attr(s + ": " + u.finding().reason());
      String where = Markup.text("used by " + String.join(", ", u.usages()) + " in " + u.commits().size()
          + " revision(s): " + listed(u.commits()) + "\n");
      if (s.breaksRestore() || strict && s == Status.AT_RISK) {
        failures++;
        cases.append("      <failure type=\"").append(s).append("\" message=\"").append(message).append("\">")
            .append(where).append("</failure>\n");
      } else if (s == Status.UNKNOWN) {
        errors++;
        cases.append("      <error type=\"UNKNOWN\" message=\"").append(message).append("\">").append(where)
            .append("</error>\n");
      } else if (s == Status.AT_RISK) {
        cases.append("      <system-out>warning: ").append(Markup.text(s + ": " + u.finding().reason() + "\n"))
            .append(where).append("</system-out>\n");
      }
      cases.append("    </testcase>\n");
    }
    for (DataReport d : e.data()) { // one test case per datastore: within its RPO over the window, or not
      tests++;
      cases.append("    <testcase classname=\"").append(env).append("\" name=\"")
          .append(Markup.attr("datastore " + d.datastore() + " (" + d.where() + ")")).append("\">\n");
      String message = Markup.attr(d.worst() + ": " + d.summary());
      if (d.worst().breaksRestore()) {
        failures++;
        cases.append("      <failure type=\"").append(d.worst()).append("\" message=\"").append(message).append("\">")
            .append(Markup.text(d.summary() + "\n")).append("</failure>\n");
      } else if (d.worst() == RevisionStatus.UNKNOWN) {
        errors++;
        cases.append("      <error type=\"UNKNOWN\" message=\"").append(message).append("\">")
            .append(Markup.text(d.summary() + "\n")).append("</error>\n");
      }
      cases.append("    </testcase>\n");
    }
    String xml = "  <testsuite name=\"" + env + "\" tests=\"" + tests + "\" failures=\"" + failures
        + "\" errors=\"" + errors + "\" skipped=\"0\">\n"
        + "    <properties><property name=\"summary\" value=\"" + Markup.attr(e.summary()) + "\"/></properties>\n"
        + cases + "  </testsuite>\n";
    return new Suite(xml, tests, failures, errors);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** The first {@link JsonReport#LISTED} commits, then how many more (a failing store fails them all). */
  private static String listed(List<String> commits) {
    if (commits.size() <= JsonReport.LISTED) {
      return String.join(" ", commits);
    }
    return String.join(" ", commits.subList(0, JsonReport.LISTED)) + " … and " + (commits.size() - JsonReport.LISTED)
        + " more";
  }
}
