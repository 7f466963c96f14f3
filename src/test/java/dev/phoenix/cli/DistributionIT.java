package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.Servers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    Path home = unpack(tarball, version);
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
    Path archive = awaitArchives(cache, 1).get(0);
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

  /**
   * The archive is keyed on the JVM too: another JDK rejects an archive dumped by this one, so with
   * a key on the jars alone, a run on another JAVA_HOME found "its" archive, could not map it, and
   * never dumped one of its own. On this machine kind a second JDK of another version is installed
   * (Temurin beside Debian's OpenJDK); without one, this JDK under another path still gets a key of
   * its own.
   */
  @Test
  void anotherJdkGetsAnArchiveOfItsOwn() throws Exception {
    Path target = Servers.projectRoot().resolve("target");
    String version = Files.readString(target.resolve("phoenix.version.txt")).strip();
    Path home = unpack(target.resolve("phoenix-" + version + ".tar.gz"), version);
    Path launcher = home.resolve("bin/phoenix");
    Path cache = dir.resolve("jvm-cache");
    Path thisJdk = Path.of(System.getProperty("java.home"));
    Path other = otherJdk(thisJdk).orElseGet(() -> {
      Path link = dir.resolve("same-jdk-elsewhere");
      try {
        return Files.createSymbolicLink(link, thisJdk);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Exec.Result first = Exec.run(Duration.ofSeconds(60), List.of(launcher.toString(), "--version"),
        Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", thisJdk.toString()));
    assertThat(first.exitCode()).as(first.toString()).isZero();
    awaitArchives(cache, 1);
    Exec.Result second = Exec.run(Duration.ofSeconds(60), List.of(launcher.toString(), "--version"),
        Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", other.toString()));
    assertThat(second.exitCode()).as(second.toString()).isZero();
    awaitArchives(cache, 2);
    // each JVM maps its own archive: -Xshare:on fails the start when the archive cannot be used
    for (Path jdk : List.of(thisJdk, other)) {
      Exec.Result mapped = Exec.run(Duration.ofSeconds(60), List.of(launcher.toString(), "--version"),
          Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", jdk.toString(), "PHOENIX_JAVA_OPTS", "-Xshare:on"));
      assertThat(mapped.exitCode()).as(jdk + ": " + mapped).isZero();
      assertThat(mapped.stdout().strip()).isEqualTo("phoenix " + version);
    }
  }

  private Path unpack(Path tarball, String version) throws Exception {
    Path into = Files.createTempDirectory(dir, "unpacked");
    Exec.run(Duration.ofSeconds(60), "tar", "-xzf", tarball.toString(), "-C", into.toString()).orThrow();
    return into.resolve("phoenix-" + version);
  }

  /** Waits (bounded) until the launcher's background dumps have left {@code count} archives. */
  private static List<Path> awaitArchives(Path cache, int count) throws Exception {
    List<Path> archives = List.of();
    for (int i = 0; i < 1200 && archives.size() < count; i++) {
      Path dir = cache.resolve("phoenix");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          archives = files.filter(p -> p.getFileName().toString().matches("cds-\\d+\\.jsa")).sorted().toList();
        }
      }
      Thread.sleep(100);
    }
    assertThat(archives).as("CDS archives dumped in the background").hasSize(count);
    return archives;
  }

  /** A JDK under /usr/lib/jvm whose release differs from this one's, if any. */
  private static Optional<Path> otherJdk(Path thisJdk) throws Exception {
    String mine = release(thisJdk);
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && Files.isRegularFile(h.resolve("release")))
          .filter(h -> !release(h).equals(mine)).sorted().findFirst();
    }
  }

  private static String release(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
          .findFirst().orElse("");
    } catch (IOException e) {
      return "";
    }
  }
}
