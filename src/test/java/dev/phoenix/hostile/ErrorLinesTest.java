package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.phoenix.core.Problem;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.lockfile.StackReader;
import dev.phoenix.model.Lockfile;
import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message names the real problem and its real line, with the limit or range where there is one. */
class ErrorLinesTest {
  private static final String LOCK = "environments/prod/environment.lock.yaml";
  private static final String STACK = "stacks/services.yaml";

  @TempDir Path dir;

  private static List<String> lockProblems(String text) {
    return LockfileReader.read(LOCK, text.getBytes(StandardCharsets.UTF_8), "prod").problems().stream()
        .map(Problem::render).toList();
  }

  private static List<String> stackProblems(String text) {
    return StackReader.read(STACK, text.getBytes(StandardCharsets.UTF_8), "services").problems().stream()
        .map(Problem::render).toList();
  }

  @Test
  void aNulByteIsReportedOnItsOwnLine() {
    String lock = Estates.prodLock();
    int at = lock.indexOf("    LOG_LEVEL: {value: info}");
    int line = (int) lock.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    assertThat(line).isGreaterThan(30);
    String broken = lock.substring(0, at) + "    LOG_LEVEL: {value: in\0fo}" + lock.substring(at + 28);
    assertThat(lockProblems(broken)).containsExactly(LOCK + ":" + line + ": column 26 holds a NUL byte (U+0000), a control"
        + " character YAML does not allow — remove it: a Phoenix file is plain UTF-8 text");
  }

  @Test
  void aTenThousandCharacterNameSaysItsLengthAndTheLimitWithoutQuotingIt() {
    String name = "a".repeat(10_000);
    List<String> problems = lockProblems(Estates.prodLock().replace("  bastion:", "  " + name + ":"));
    assertThat(problems).singleElement().asString().startsWith(LOCK + ":29: a key of 10000 characters; a key may be at"
        + " most 1024 characters long — ").doesNotContain("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  }

  @Test
  void aHundredCharacterArtefactNameIsTooLongNotUnlowercase() {
    String name = "b".repeat(100);
    assertThat(lockProblems(Estates.prodLock().replace("  bastion:", "  " + name + ":")))
        .containsExactly(LOCK + ":29: artefact name '" + "b".repeat(20) + "…' is 100 characters long, over the limit of 64"
            + " — shorten it to at most 64 lowercase letters, digits and dashes");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "replicas: 2|replicas: 100000|services[0].replicas is 100000, outside the allowed range: from 1 to 1000 — write a number from 1 to 1000",
      "replicas: 2|replicas: -3|services[0].replicas is -3, outside the allowed range: from 1 to 1000 — write a number from 1 to 1000",
      "port: 8080|port: 0|services[0].port is 0, outside the allowed range: from 1 to 65535 — write a number from 1 to 65535",
      "port: 8080|port: '8080'|services[0].port must be a whole number from 1 to 65535, found the text \"8080\" (in quotes) — write a plain number without quotes, e.g. port: 1",
      "memory: 1024|memory: 1e3|services[0].memory must be a whole number from 128 to 122880, found the decimal number 1e3 — write a plain number without quotes, e.g. memory: 128",
      "cpu: 512|cpu: 0x200|services[0].cpu is written 0x200, not as a plain decimal number — write it in decimal digits, from 128 to 16384, e.g. cpu: 128",
      "cpu: 512|cpu: [512]|services[0].cpu must be a whole number from 128 to 16384, found a list — write a plain number without quotes, e.g. cpu: 128",
      "cpu: 512|cpu: 99999999999999999999999|services[0].cpu is 999999999999… (23 characters), outside the allowed range: from 128 to 16384 — write a number from 128 to 16384"})
  void numbersOutOfRangeOrOfTheWrongTypeSayTheRange(String from, String to, String message) {
    String stack = Estates.servicesStack();
    int line = (int) stack.substring(0, stack.indexOf(from)).chars().filter(c -> c == '\n').count() + 1;
    assertThat(stackProblems(stack.replaceFirst(java.util.regex.Pattern.quote(from), to)))
        .containsExactly(STACK + ":" + line + ": " + message);
  }

  @Test
  void anSsmVersionBelowOneSaysOneOrMore() {
    assertThat(lockProblems(Estates.prodLock().replace("version: 7}", "version: 0}"))).containsExactly(LOCK
        + ":36: config.payments-api.DATABASE_URL.version is 0, outside the allowed range: 1 or more — write a number 1 or more");
  }

  @Test
  void attestAndLockEditALockfileWrittenAsJsonWhichValidateAccepts() throws Exception {
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(Estates.prodLock()));
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put(STACK, Estates.servicesStack()).put("stacks/functions.yaml", Estates.functionsStack()).put(LOCK, json);
      repo.commit(Instant.parse("2026-11-01T10:00:00Z"), "prod as JSON");
      repo.checkout();
    }
    assertThat(ReadCli.in(dir, "validate", "--env", "prod").code()).isEqualTo(0);
    Lockfile before = LockfileReader.read(LOCK, Files.readAllBytes(dir.resolve(LOCK)), "prod").value();
    ReadCli attest = ReadCli.in(dir, "attest", "--env", "prod", "--artefact", "payments-api", "--digest",
        "sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07", "--step", "e2e", "--result", "passed",
        "--evidence", "https://ci.example.com/runs/400");
    assertThat(attest.code()).as(attest.toString()).isEqualTo(0);
    assertThat(attest.out()).contains("~ payments-api assurance: 2 records → 3 records");
    ReadCli lock = ReadCli.in(dir, "lock", "--env", "prod", "--config", "payments-api.FLAG=value:off");
    assertThat(lock.code()).as(lock.toString()).isEqualTo(0);
    assertThat(ReadCli.in(dir, "validate", "--env", "prod").code()).isEqualTo(0);
    Lockfile after = LockfileReader.read(LOCK, Files.readAllBytes(dir.resolve(LOCK)), "prod").value();
    assertThat(after.artefacts().get("payments-api").assurance()).hasSize(3);
    assertThat(after.artefacts().get("ledger-worker")).isEqualTo(before.artefacts().get("ledger-worker"));
    assertThat(after.config().get("ledger-worker")).isEqualTo(before.config().get("ledger-worker"));
    assertThat(Files.readString(dir.resolve(LOCK))).startsWith("apiVersion: phoenix/v1\nkind: EnvironmentLock\n")
        .contains("    FLAG: {value: \"off\"}\n");
  }
}
