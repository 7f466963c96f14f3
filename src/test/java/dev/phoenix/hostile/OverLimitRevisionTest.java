package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.support.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One revision in history that Phoenix cannot read (over a limit, not UTF-8, binary) is that
 * revision INVALID, with the reason and its line, in every command; never an internal error, and
 * the revisions before and after it read as usual.
 */
class OverLimitRevisionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENV = "ovl";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;

  static Stream<Arguments> unreadable() {
    String lock = TinyEstate.lock(ENV, "");
    byte[] huge = new byte[5 * 1024 * 1024]; // over JGit's in-memory limit too: was "unexpected ExceedsLimit"
    Arrays.fill(huge, (byte) 'a');
    byte[] big = new byte[2 * 1024 * 1024];
    Arrays.fill(big, (byte) '#');
    StringBuilder keys = new StringBuilder(lock);
    for (int i = 0; keys.length() <= 1024 * 1024; i++) {
      keys.append("k").append(i).append(": v\n");
    }
    byte[] utf8 = (lock + "# caf\u00e9\n").getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = Arrays.copyOf(utf8, utf8.length);
    latin1[latin1.length - 3] = (byte) 0xE9; // "café" in Latin-1 on line 6
    latin1[latin1.length - 2] = '\n';
    byte[] binary = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    String nul = lock.replace("artefacts: {}", "artefacts: {}\n#" + "\0");
    return Stream.of(
        Arguments.of("5 MB", huge, 0, "file is over the 1048576-byte limit"),
        Arguments.of("2 MB", big, 0, "file is over the 1048576-byte limit"),
        Arguments.of("too many keys", keys.toString().getBytes(StandardCharsets.UTF_8), 0, "file is over the 1048576-byte limit"),
        Arguments.of("deep", (lock + "x: " + "[".repeat(100) + "]".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8), 6,
            "nesting deeper than 24 levels"),
        Arguments.of("aliases", (lock + "x: &a [1]\ny: [*a, *a, *a]\n").getBytes(StandardCharsets.UTF_8), 6,
            "YAML anchors and aliases are not allowed"),
        Arguments.of("not UTF-8", latin1, 6, "column 6 holds byte 0xE9, which is not UTF-8 text"),
        Arguments.of("binary", binary, 1, "column 1 holds byte 0x89, which is not UTF-8 text; the file looks binary"),
        Arguments.of("NUL", nul.getBytes(StandardCharsets.UTF_8), 6,
            "column 2 holds a NUL byte (U+0000), a control character YAML does not allow"),
        Arguments.of("long key", (lock + "n".repeat(10_000) + ": 1\n").getBytes(StandardCharsets.UTF_8), 6,
            "a key of 10000 characters; a key may be at most 1024 characters long"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void everyReadCommandReportsTheRevisionInvalidAndGoesOn(String kind, byte[] bad, int line, String message)
      throws Exception {
    String[] c = RawFixture.history(dir, ENV, bad, NOW);
    String where = TinyEstate.lockPath(ENV) + (line > 0 ? ":" + line : "") + ": " + message;

    ReadCli verify = ReadCli.in(dir, "verify", "--env", ENV, "--since", "30d", "--output", "json");
    assertThat(verify.code()).as(verify.toString()).isEqualTo(1);
    assertThat(verify.err()).doesNotContain("unexpected");
    JsonNode revisions = JSON.readTree(verify.out()).get("environments").get(0).get("revisions");
    assertThat(revisions).extracting(r -> r.get("commit").asText()).containsExactly(c[0], c[1], c[2]);
    assertThat(revisions).extracting(r -> r.get("status").asText()).containsExactly("OK", "INVALID", "OK");
    JsonNode problem = revisions.get(1).get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(line);
    assertThat(problem.get("message").asText()).isEqualTo(message);

    ReadCli text = ReadCli.in(dir, "verify", "--env", ENV, "--since", "30d");
    assertThat(text.out()).contains("      " + where + " — ");

    ReadCli history = ReadCli.in(dir, "history", "--env", ENV, "--output", "json");
    assertThat(history.code()).as(history.toString()).isEqualTo(0);
    assertThat(JSON.readTree(history.out()).get("entries")).extracting(e -> e.get("commit").asText())
        .containsExactly(c[2], c[1], c[0]);

    ReadCli show = ReadCli.in(dir, "show", "--env", ENV, "--at", c[1], "--output", "json");
    assertThat(show.code()).as(show.toString()).isEqualTo(1);
    JsonNode shown = JSON.readTree(show.out());
    assertThat(shown.get("valid").asBoolean()).isFalse();
    assertThat(shown.get("problems").get(0).get("message").asText()).isEqualTo(message);
    assertThat(show.err()).contains("error: " + ENV + " at commit " + c[1].substring(0, 7) + " is INVALID", where);

    ReadCli showText = ReadCli.in(dir, "show", "--env", ENV, "--at", c[1]);
    assertThat(showText.code()).isEqualTo(1);
    if (line == 0 || kind.equals("binary") || kind.equals("not UTF-8") || kind.equals("NUL")) {
      assertThat(showText.out()).contains("# (not shown: the file cannot be read as YAML; see the problems on stderr)")
          .doesNotContain("\0").doesNotContain("aaaaaaaa");
    }

    assertThat(ReadCli.in(dir, "show", "--env", ENV).code()).isEqualTo(0);
    ReadCli diff = ReadCli.in(dir, "diff", "--env", ENV, "--from", c[1], "--to", c[2]);
    assertThat(diff.code()).as(diff.toString()).isEqualTo(0);
    assertThat(diff.err()).doesNotContain("unexpected").contains("warning: " + ENV + " at " + c[1].substring(0, 7)
        + " is INVALID (1 problem; phoenix show --env " + ENV + " --at " + c[1].substring(0, 7)
        + " lists them): compared as far as it could be read");
    ReadCli across = ReadCli.in(dir, "diff", "--env", ENV, "--from", c[0]);
    assertThat(across.code()).as(across.toString()).isEqualTo(0);
    assertThat(across.out()).contains("LOG_LEVEL");

    ReadCli protect = ReadCli.in(dir, "protect", "--env", ENV, "--since", "30d", "--output", "json");
    assertThat(protect.code()).as(protect.toString()).isEqualTo(0);
    assertThat(JSON.readTree(protect.out()).get("revisions").asInt()).isEqualTo(3);
  }
}
