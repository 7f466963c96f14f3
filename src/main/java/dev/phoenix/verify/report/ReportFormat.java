package dev.phoenix.verify.report;

import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.verify.VerifyResult;
import java.nio.file.Path;
import java.util.Locale;

/** The report files {@code --report FORMAT:FILE} writes, each atomically. */
public enum ReportFormat {
  JSON,
  JUNIT,
  MARKDOWN;

  public String render(VerifyResult result) {
    return switch (this) {
      case JSON -> JsonReport.render(result);
      case JUNIT -> JunitReport.render(result);
      case MARKDOWN -> MarkdownReport.render(result);
    };
  }

  /** A parsed {@code FORMAT:FILE}. */
  public record Target(ReportFormat format, Path file) {
    public void write(VerifyResult result) {
      AtomicFiles.write(file, format.render(result));
    }
  }

  public static Target target(String spec) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? "" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
    String file = colon < 0 ? "" : spec.substring(colon + 1);
    ReportFormat format = switch (name) {
      case "json" -> JSON;
      case "junit" -> JUNIT;
      case "markdown", "md" -> MARKDOWN;
      default -> null;
    };
    if (format == null || file.isBlank()) {
      throw PhoenixException.input("--report '" + spec + "' is not FORMAT:FILE",
          "write json:FILE, junit:FILE or markdown:FILE, e.g. --report junit:out/verify.xml");
    }
    return new Target(format, Path.of(file));
  }
}
