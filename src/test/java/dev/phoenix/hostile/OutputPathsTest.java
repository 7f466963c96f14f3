package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.rebuild.DrillRecord;
import dev.phoenix.rebuild.DrillRecords;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class: an output path replaces what it points at (issue 9, item 1). Whatever Phoenix
 * writes, a pipe or a device is written through, a link's target is written and the link kept,
 * a directory or socket is refused, and a file keeps its permissions. Devices and pipes are made
 * in a temporary directory with mknod/mkfifo, never the machine's own /dev.
 */
class OutputPathsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path repo;
  private Path out;

  @BeforeEach
  void repository() throws Exception {
    repo = Repos.empty(dir.resolve("repo"));
    out = Files.createDirectory(dir.resolve("out"));
  }

  private Cli verifyWithReport(Path report) {
    return Cli.in(repo, "verify", "--env", "prod", "--report", "json:" + report);
  }

  @Test
  void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
    Path fifo = out.resolve("report.pipe");
    Tree.sh("mkfifo '" + fifo + "'");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    Cli run = verifyWithReport(fifo);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(JSON.readTree(reader.get(60, TimeUnit.SECONDS)).get("exitCode").asInt()).isZero();
    assertThat(Tree.describe(fifo)).startsWith("fifo");
    assertThat(Tree.of(out)).containsOnlyKeys("", "report.pipe");
  }

  @Test
  void aCharacterDeviceIsWrittenThroughNeverReplaced() throws Exception {
    Path nul = out.resolve("null");
    Tree.sh("mknod '" + nul + "' c 1 3 && chmod 666 '" + nul + "'");
    Map<String, String> before = Tree.of(out);

    Cli run = verifyWithReport(nul);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("verify: wrote json report " + nul);
    assertThat(Tree.of(out)).isEqualTo(before); // still the device, same mode, nothing beside it
  }

  @Test
  void aFullDeviceFailsTheRunAfterTheSummaryNamingTheFileAndTheReason() throws Exception {
    Path full = out.resolve("full");
    Tree.sh("mknod '" + full + "' c 1 7");
    Map<String, String> before = Tree.of(out);

    Cli run = verifyWithReport(full);

    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).contains("prod: restorable now");
    assertThat(run.err()).contains("error: json report not written: could not write " + full + ": No space left on device");
    assertThat(Tree.of(out)).isEqualTo(before);
  }

  @Test
  void aLinkIsFollowedItsTargetRewrittenWithItsModeAndTheLinkKept() throws Exception {
    Path real = Files.writeString(out.resolve("real.json"), "old\n");
    Tree.sh("chmod 640 '" + real + "'");
    Path link = Files.createSymbolicLink(out.resolve("report.json"), Path.of("real.json"));

    Cli run = verifyWithReport(link);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Tree.describe(link)).isEqualTo("link -> real.json");
    assertThat(Tree.mode(real)).isEqualTo(0640);
    assertThat(JSON.readTree(Files.readString(real)).get("exitCode").asInt()).isZero();
    assertThat(Tree.of(out)).containsOnlyKeys("", "real.json", "report.json"); // no temporary left behind
  }

  @Test
  void aLinkToNothingIsRefusedBeforeAnythingIsChecked() throws Exception {
    Path link = Files.createSymbolicLink(out.resolve("report.json"), out.resolve("missing/real.json"));
    Map<String, String> before = Tree.of(out);

    Cli run = verifyWithReport(link);

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--report json:" + link + " cannot be written: it is a symbolic link to "
        + out.resolve("missing/real.json") + ", which does not exist");
    assertThat(run.out()).isEmpty();
    assertThat(Tree.of(out)).isEqualTo(before);
  }

  @Test
  void aDirectoryIsRefusedBeforeAnythingIsChecked() throws Exception {
    Path sub = Files.createDirectory(out.resolve("reports"));
    Map<String, String> before = Tree.of(out);

    Cli run = verifyWithReport(sub);

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--report json:" + sub + " cannot be written: it is a directory");
    assertThat(Tree.of(out)).isEqualTo(before);
  }

  @Test
  void theRestorabilityPageToADirectoryIsRefusedBeforeAnythingIsChecked() throws Exception {
    Path sub = Files.createDirectory(out.resolve("page.html"));
    Map<String, String> before = Tree.of(out);

    Cli run = Cli.in(repo, "report", "--env", "prod", "--out", sub.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--out " + sub + " cannot be written: it is a directory");
    assertThat(run.err()).doesNotContain("prod:"); // nothing was verified
    assertThat(Tree.of(out)).isEqualTo(before);
  }

  @Test
  void aSocketIsRefused() throws Exception {
    Path socket = out.resolve("report.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Map<String, String> before = Tree.of(out);

      Cli run = verifyWithReport(socket);

      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("it is a socket");
      assertThat(Tree.of(out)).isEqualTo(before);
    }
  }

  @Test
  void anExistingReportKeepsItsModeAndANewOneIsNotPrivate() throws Exception {
    Path shared = Files.writeString(out.resolve("shared.json"), "{}\n");
    Tree.sh("chmod 644 '" + shared + "'");
    Path fresh = out.resolve("deep/new.json");

    Cli run = Cli.in(repo, "verify", "--env", "prod", "--report", "json:" + shared, "--report", "junit:" + fresh);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Tree.mode(shared)).isEqualTo(0644);
    int umask = Integer.parseInt(Tree.sh("umask"), 8);
    assertThat(Tree.mode(fresh)).isEqualTo(0666 & ~umask).isNotEqualTo(0600);
    assertThat(Files.readString(fresh)).contains("<testsuites");
  }

  @Test
  void everyWriterSharesTheRule() throws Exception {
    // not only verify's reports: every file Phoenix writes goes through AtomicFiles
    Path device = out.resolve("null");
    Tree.sh("mknod '" + device + "' c 1 3");
    AtomicFiles.write(device, "record\n");
    assertThat(Tree.describe(device)).startsWith("char");

    Path target = Files.createDirectory(out.resolve("adir"));
    Assertions.assertThatThrownBy(() -> AtomicFiles.write(target, "x"))
        .isInstanceOf(PhoenixException.class)
        .hasMessage("cannot write " + target + ": it is a directory; give a file name inside it");
    assertThat(Tree.describe(target)).startsWith("dir");
  }

  @Test
  void aDrillRecordDirectoryThatIsALinkIsNeitherReadNorWrittenThrough() throws Exception {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("20261101T100000Z-0badc0de.json"), "{\"environment\": \"SECRET\"}\n");
    Files.createDirectories(repo.resolve("drills"));
    Files.createSymbolicLink(repo.resolve("drills/prod"), elsewhere);
    Map<String, String> before = Tree.of(elsewhere);

    Cli list = Cli.in(repo, "drills", "--env", "prod");
    assertThat(list.code()).as(list.toString()).isEqualTo(2);
    assertThat(list.err()).contains(repo.resolve("drills/prod") + " is a symbolic link").doesNotContain("SECRET");

    DrillRecords records = new DrillRecords(repo.resolve("drills"));
    Assertions.assertThatThrownBy(() -> records.write(new DrillRecord(DrillRecord.SCHEMA, "0123abcd", "prod", "local",
            "ci", "2026-11-01T10:00:00Z", "2026-11-01T10:00:01Z", "HEAD", "HEAD", "c0ffee", "2026-11-01T10:00:00Z",
            "0.1.0-1-abcdef0", "drill", "succeeded", null, 5, List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of())))
        .isInstanceOf(PhoenixException.class)
        .hasMessageContaining("is a symbolic link");
    assertThat(Tree.of(elsewhere)).isEqualTo(before);
  }

  @Test
  void aLockfileThatIsALinkIsNotWrittenThrough() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.lock.yaml"), Repos.emptyLock("prod"));
    Path lock = repo.resolve("environments/prod/environment.lock.yaml");
    Files.delete(lock);
    Files.createSymbolicLink(lock, outside);
    Map<String, String> before = Tree.of(dir);

    Cli run = Cli.in(repo, "attest", "--env", "prod", "--artefact", "api", "--digest", "sha256:" + "a".repeat(64),
        "--step", "unit-tests", "--result", "passed");

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("environments/prod/environment.lock.yaml is a symbolic link; Phoenix reads only "
        + "regular files inside the repository and never follows links; nothing was written");
    assertThat(Tree.of(dir)).isEqualTo(before);
  }

  @Test
  void aLockfileKeepsItsModeWhenPhoenixRewritesIt() throws Exception {
    Path sample = Repos.sample(dir.resolve("sample"));
    Path lock = sample.resolve("environments/prod/environment.lock.yaml");
    Tree.sh("chmod 664 '" + lock + "'");
    String before = Files.readString(lock);

    Cli run = Cli.in(sample, "attest", "--env", "prod", "--artefact", "payments-api", "--digest",
        "sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07", "--step", "unit-tests",
        "--result", "passed");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readString(lock)).isNotEqualTo(before).contains("unit-tests");
    assertThat(Tree.mode(lock)).isEqualTo(0664); // not the 0600 of a temporary file
    assertThat(Tree.of(lock.getParent())).containsOnlyKeys("", "environment.lock.yaml");
  }
}
