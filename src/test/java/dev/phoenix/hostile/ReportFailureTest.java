package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class: a report that cannot be written swallows the result (issue 9, item 18). verify
 * prints its summary first, writes every report it can, then names each one it could not and the
 * reason, and exits 3 (docs/verify.md).
 */
class ReportFailureTest {
  @TempDir Path dir;

  @Test
  void aReportUnderARegularFileFailsAfterTheSummaryAndTheOtherReportsAreWritten() throws Exception {
    Path repo = Repos.empty(dir.resolve("repo"));
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.writeString(out.resolve("plain"), "not a directory\n");
    Path blocked = out.resolve("plain/report.json");
    Map<String, String> before = Tree.of(out);

    Cli run = Cli.in(repo, "verify", "--env", "prod", "--report", "json:" + blocked,
        "--report", "junit:" + out.resolve("ok.xml"));

    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).startsWith("prod: restorable now").contains("verify HEAD: 1 environment(s)");
    assertThat(run.err()).contains("error: json report not written: could not write " + blocked + ": ",
        "verify: wrote junit report " + out.resolve("ok.xml"),
        "what to do: the verification itself ran (summary above); fix the report path and run again");
    Map<String, String> after = Tree.of(out);
    after.remove("ok.xml");
    assertThat(after).isEqualTo(before);
  }
}
