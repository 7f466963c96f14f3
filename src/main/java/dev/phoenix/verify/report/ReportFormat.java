package dev.phoenix.verify.report;

import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.verify.VerifyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The report files {@code --report FORMAT:FILE} writes, by the rule of {@link AtomicFiles}. */
public enum ReportFormat {
  JSON,
  JUNIT,
  MARKDOWN,
  /** The restorability page (docs/report.md): one self-contained HTML file. */
  HTML;

  public String render(VerifyResult result) {
    return switch (this) {
      case JSON -> JsonReport.render(result);
      case JUNIT -> JunitReport.render(result);
      case MARKDOWN -> MarkdownReport.render(result);
      case HTML -> HtmlReport.render(result);
    };
  }

  /** A parsed {@code FORMAT:FILE}. */
  public record Destination(ReportFormat format, Path file) {
    public void write(VerifyResult result) {
      if (format == JSON) { // streamed: the largest of the reports
        AtomicFiles.write(file, out -> {
          java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
          JsonReport.write(result, w);
        });
      } else {
        AtomicFiles.write(file, format.render(result));
      }
    }
  }

  /**
   * Parses every {@code --report} and checks, before anything is verified, that each names its own
   * file (two reports to one file, even through a link, would keep only the last) and that none is
   * a path Phoenix refuses to write (a directory, a socket). Every problem at once; an INPUT error.
   */
  public static List<Destination> targets(List<String> specs) {
    List<Destination> targets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<Path, String> seen = new LinkedHashMap<>();
    for (String spec : specs) {
      Destination t = target(spec);
      targets.add(t);
      String earlier = seen.putIfAbsent(AtomicFiles.identity(t.file()), spec);
      if (earlier != null) {
        problems.add("--report " + earlier + " and --report " + spec + " write the same file");
      }
      Optional<String> refusal = AtomicFiles.refusal(t.file());
      refusal.ifPresent(r -> problems.add("--report " + spec + " cannot be written: " + r));
    }
    if (!problems.isEmpty()) {
      throw PhoenixException.input(String.join("\n  ", problems),
          "give each report its own regular file (or a pipe or character device such as /dev/stdout)");
    }
    return List.copyOf(targets);
  }

  public static Destination target(String spec) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? "" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
    String file = colon < 0 ? "" : spec.substring(colon + 1);
    ReportFormat format = switch (name) {
      case "json" -> JSON;
      case "junit" -> JUNIT;
      case "markdown", "md" -> MARKDOWN;
      case "html" -> HTML;
      default -> null;
    };
    if (format == null || file.isBlank()) {
      throw PhoenixException.input("--report '" + spec + "' is not FORMAT:FILE",
          "write json:FILE, junit:FILE, markdown:FILE or html:FILE, e.g. --report junit:out/verify.xml");
    }
    return new Destination(format, Path.of(file));
  }
}
