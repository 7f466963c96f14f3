package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Concurrency;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that takes --concurrency takes the same range, and says so the same way. */
class ConcurrencyOptionTest {
  @TempDir Path dir;

  @Test
  void everyCommandTakingItRefusesTheSameOutOfRangeValuesWithOneMessage() {
    for (String value : new String[] {"0", String.valueOf(Concurrency.MAX + 1)}) {
      CliRun verify = CliRun.of("verify", "--env", "prod", "--concurrency", value, "--repo", dir.toString());
      CliRun protect = CliRun.of("protect", "--env", "prod", "--concurrency", value, "--repo", dir.toString());
      CliRun report = CliRun.of("report", "--env", "prod", "--concurrency", value, "--out",
          dir.resolve("report.html").toString(), "--repo", dir.toString());
      CliRun mirror = CliRun.of("mirror", "--env", "prod", "--to", "eu-central-1", "--concurrency", value,
          "--repo", dir.toString());
      for (CliRun run : new CliRun[] {verify, protect, report, mirror}) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--concurrency " + value + " is out of range").contains("use 1 to 64");
      }
    }
  }
}
