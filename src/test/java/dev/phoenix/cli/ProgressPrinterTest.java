package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
