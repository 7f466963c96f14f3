package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  @Test
  void plainLinesEveryFiveHundredReferencesAndAFinalLine() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false);
    p.started(1200);
    for (int i = 1; i <= 1200; i++) {
      p.advanced(i, 1200);
    }
    p.finished(1200, 1200);
    assertThat(err.toString().lines().toList()).hasSize(4)
        .first().isEqualTo("verify: checking 1200 unique references");
    assertThat(err.toString()).contains("verify: 500/1200 references checked (").contains("verify: 1000/1200 ")
        .contains("verify: 1200/1200 references checked in ");
  }

  @Test
  void aBarIsRedrawnInPlaceOnATerminal() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true);
    p.started(10);
    for (int i = 1; i <= 10; i++) {
      p.advanced(i, 10);
    }
    p.finished(10, 10);
    assertThat(err.toString()).startsWith("\r[").contains("] 10/10 refs ").endsWith("/s \n")
        .contains("[" + "#".repeat(30) + "]");
  }

  @Test
  void referencesCheckedWhileHistoryWasReadAreNamedAndLeftOutOfTheRate() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false);
    p.started(1200, 1100); // reading took long: most were checked meanwhile
    for (int i = 1101; i <= 1200; i++) {
      p.advanced(i, 1200);
    }
    p.finished(1200, 1200);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("verify: checking 1200 unique references (1100 already checked while history was read)");
    assertThat(lines).hasSize(2); // no 500-step line: only 100 were checked after the start
    // 100 references since the start, in a few milliseconds: the rate counts those, not 1,200
    long rate = Long.parseLong(lines.get(1).replaceAll(".*\\((\\d+)/s\\)$", "$1"));
    assertThat(rate).isLessThanOrEqualTo(100_000L);

    // all checked while reading: none since the start, so the rate is 0 however quick the run
    StringWriter all = new StringWriter();
    ProgressPrinter q = new ProgressPrinter(new PrintWriter(all), false);
    q.started(1200, 1200);
    q.finished(1200, 1200);
    assertThat(all.toString().lines().toList().get(1)).endsWith("(0/s)");
  }
}
