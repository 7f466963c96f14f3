package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code mvn package} made (failsafe runs after it): its sha256 file matches, it
 * unpacks to {@code bin/phoenix} + {@code lib/}, the launcher runs from there and prints the
 * stamped version, and the one jar the build re-packs (JGit, signature dropped) has no signature
 * left but all its classes.
 */
class DistributionIT {
  @TempDir Path dir;

  @Test
  void theTarballUnpacksAndItsLauncherRuns() throws Exception {
    Path target = Servers.projectRoot().resolve("target");
    String version = Files.readString(target.resolve("phoenix.version.txt")).strip();
    Path tarball = target.resolve("phoenix-" + version + ".tar.gz");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tarball)));
    assertThat(Files.readString(target.resolve("phoenix-" + version + ".tar.gz.sha256")))
        .startsWith(sha + "  ");

    Exec.run(Duration.ofSeconds(60), "tar", "-xzf", tarball.toString(), "-C", dir.toString()).orThrow();
    Path home = dir.resolve("phoenix-" + version);
    Exec.Result run = Exec.run(Duration.ofSeconds(60), List.of(home.resolve("bin/phoenix").toString(), "--version"),
        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(), "PHOENIX_CDS", "off"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout().strip()).isEqualTo("phoenix " + version);

    // with CDS on, the archive a first --version leaves behind also holds what other commands load
    // (lib/cds-classes.txt): here a class only show and validate load
    Path cache = dir.resolve("cds-cache");
    Exec.Result first = Exec.run(Duration.ofSeconds(60), List.of(home.resolve("bin/phoenix").toString(), "--version"),
        Map.of("XDG_CACHE_HOME", cache.toString()));
    assertThat(first.exitCode()).as(first.toString()).isZero();
    Path archive = null;
    for (int i = 0; i < 1200 && archive == null; i++) { // bounded wait for the background dump
      try (Stream<Path> files = Files.list(cache.resolve("phoenix"))) {
        archive = files.filter(p -> p.getFileName().toString().matches("cds-\\d+\\.jsa")).findFirst().orElse(null);
      }
      Thread.sleep(100);
    }
    assertThat(archive).as("a CDS archive dumped in the background").isNotNull();
    Exec.Result dictionary = Exec.run(Duration.ofSeconds(60), "bash", "-c", // the launcher's class path, same order
        "cp=\"$(ls \"$1\"/lib/*.jar | tr '\\n' ':')\"; exec java -XX:SharedArchiveFile=\"$2\" -XX:+PrintSharedArchiveAndExit"
            + " -XX:+PrintSharedDictionary -cp \"${cp%:}\"", "bash", home.toString(), archive.toString());
    assertThat(dictionary.stdout()).contains("dev.phoenix.history.Snapshot ", "dev.phoenix.cli.Main ");

    Path jgit;
    try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
      jgit = libs.filter(p -> p.getFileName().toString().startsWith("org.eclipse.jgit-")).findFirst().orElseThrow();
    }
    try (JarFile jar = new JarFile(jgit.toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("META-INF/") && n.matches(".*\\.(SF|RSA|DSA|EC)"))
          .contains("org/eclipse/jgit/api/Git.class");
    }
  }
}
