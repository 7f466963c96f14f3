package dev.phoenix.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesLeftoversTest {
  @TempDir Path dir;

  @Test
  void onlyTheTemporaryFilesOfAKilledWriteOfThatFileAreRemoved() throws Exception {
    Path ledger = dir.resolve("mirrors.ledger");
    AtomicFiles.write(ledger, "whole\n");
    Path torn = dir.resolve(".mirrors.ledger." + UUID.randomUUID() + ".tmp");
    Files.writeString(torn, "half a li");
    Path other = dir.resolve(".environment.lock.yaml." + UUID.randomUUID() + ".tmp");
    Files.writeString(other, "another file's write");
    Path lookalike = dir.resolve(".mirrors.ledger.notes.tmp");
    Files.writeString(lookalike, "not Phoenix's");

    assertThat(AtomicFiles.removeLeftovers(ledger)).isEqualTo(1);

    assertThat(torn).doesNotExist();
    assertThat(ledger).hasContent("whole");
    assertThat(other).exists();
    assertThat(lookalike).exists();
    assertThat(AtomicFiles.removeLeftovers(ledger)).isZero();
    assertThat(AtomicFiles.removeLeftovers(dir.resolve("absent/mirrors.ledger"))).isZero();
  }
}
