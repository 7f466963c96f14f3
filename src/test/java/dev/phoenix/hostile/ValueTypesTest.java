package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import dev.phoenix.support.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config value is the text exactly as written, in every reader: the model containers and synthesis
 * get, show's JSON, diff, and the lockfile writer's round trip. YAML 1.1 booleans, octal-looking
 * numbers, hex, exponents, nulls and dates never turn into something else.
 */
class ValueTypesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> WRITTEN = new LinkedHashMap<>();

  static {
    String[] values = {"off", "yes", "no", "on", "y", "True", "FALSE", "012345", "0x1F", "0o17", "1e3", "1_000", "+12",
        ".5", ".inf", "-.inf", ".NaN", "~", "null", "Null", "2026-01-01", "2026-01-01T10:00:00Z", "12:30", "8080", "true"};
    for (int i = 0; i < values.length; i++) {
      WRITTEN.put("V" + i, values[i]);
    }
  }

  @TempDir Path dir;

  private static String lock(String env) {
    StringBuilder config = new StringBuilder();
    WRITTEN.forEach((name, value) -> config.append("    ").append(name).append(": {value: ").append(value).append("}\n"));
    config.append("    EMPTY: {value: }\n");
    return TinyEstate.lock(env, config.toString());
  }

  @Test
  void theModelHoldsTheTextAsWritten() {
    Lockfile lockfile = LockfileReader.read(TinyEstate.lockPath("vt"), lock("vt").getBytes(StandardCharsets.UTF_8), "vt")
        .value();
    Map<String, ConfigSource> app = lockfile.config().get("app");
    WRITTEN.forEach((name, value) -> assertThat(app.get(name)).as(name).isEqualTo(new ConfigSource.PlainValue(value)));
    assertThat(app.get("EMPTY")).isEqualTo(new ConfigSource.PlainValue(""));
  }

  @Test
  void showJsonAndDiffGiveTheTextAsWritten() throws Exception {
    String path = TinyEstate.lockPath("vt");
    String first;
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put(TinyEstate.STACK_PATH, TinyEstate.STACK).put(path, lock("vt").replace("{value: ~}", "{value: \"\"}")
          .replace("{value: 012345}", "{value: 12345}").replace("{value: off}", "{value: false}"));
      first = repo.commit(Instant.now().minus(Duration.ofDays(2)), "before");
      repo.put(path, lock("vt"));
      repo.commit(Instant.now().minus(Duration.ofDays(1)), "after");
      repo.checkout();
    }
    ReadCli show = ReadCli.in(dir, "show", "--env", "vt", "--output", "json");
    assertThat(show.code()).as(show.toString()).isEqualTo(0);
    JsonNode app = JSON.readTree(show.out()).get("lock").get("config").get("app");
    WRITTEN.forEach((name, value) -> {
      assertThat(app.get(name).get("value").isTextual()).as(name + " is a JSON string").isTrue();
      assertThat(app.get(name).get("value").asText()).as(name).isEqualTo(value);
    });
    assertThat(app.get("EMPTY").get("value").asText()).isEqualTo("");
    JsonNode apiVersion = JSON.readTree(show.out()).get("lock").get("apiVersion");
    assertThat(apiVersion.asText()).isEqualTo("phoenix/v1");

    ReadCli diff = ReadCli.in(dir, "diff", "--env", "vt", "--from", first, "--output", "json");
    assertThat(diff.code()).as(diff.toString()).isEqualTo(0);
    assertThat(JSON.readTree(diff.out()).get("changes")).extracting(c -> c.get("subject").asText() + " "
            + c.get("from").asText() + " -> " + c.get("to").asText())
        .contains("app.V17 value: -> value:~", "app.V7 value:12345 -> value:012345", "app.V0 value:false -> value:off");
  }

  @Test
  void numbersAndBooleansOutsideConfigStayJsonNumbersOnlyWhenEveryReaderAgrees() throws Exception {
    String stack = "apiVersion: phoenix/v1\nkind: Stack\nname: svc\ndependsOn: []\nservices:\n"
        + "  - {name: app, artefact: app, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}\n";
    String lock = "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: vt\nstacks: [svc]\nartefacts:\n  app:\n"
        + "    type: container-image\n    version: 1.0.0-1-abcdef0\n"
        + "    image: registry.example.com/x@sha256:" + "a".repeat(64) + "\n";
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put("stacks/svc.yaml", stack).put(TinyEstate.lockPath("vt"), lock);
      repo.commit(Instant.now().minus(Duration.ofDays(1)), "one");
    }
    ReadCli show = ReadCli.in(dir, "show", "--env", "vt", "--output", "json");
    assertThat(show.code()).as(show.toString()).isEqualTo(0);
    JsonNode service = JSON.readTree(show.out()).get("stacks").get("svc").get("services").get(0);
    assertThat(service.get("port").isNumber()).isTrue();
    assertThat(service.get("port").asInt()).isEqualTo(8080);
  }

  @Test
  void theLockfileWriterRoundTripsAmbiguousTextAndSeesItChange() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put(TinyEstate.STACK_PATH, TinyEstate.STACK)
          .put(TinyEstate.lockPath("vt"), TinyEstate.lock("vt", "    PIN: {value: 012345}\n"));
      repo.commit(Instant.now().minus(Duration.ofDays(1)), "one");
      repo.checkout();
    }
    ReadCli same = ReadCli.in(dir, "lock", "--env", "vt", "--config", "app.PIN=value:12345");
    assertThat(same.code()).as(same.toString()).isEqualTo(0);
    String written = Files.readString(dir.resolve(TinyEstate.lockPath("vt")));
    assertThat(written).contains("    PIN: {value: \"12345\"}\n"); // 012345 → 12345 is a change, written so it reads back as text
    ReadCli off = ReadCli.in(dir, "lock", "--env", "vt", "--config", "app.FLAG=value:off");
    assertThat(off.code()).as(off.toString()).isEqualTo(0);
    Lockfile read = LockfileReader.read(TinyEstate.lockPath("vt"),
        Files.readAllBytes(dir.resolve(TinyEstate.lockPath("vt"))), "vt").value();
    assertThat(read.config().get("app")).containsEntry("FLAG", new ConfigSource.PlainValue("off"))
        .containsEntry("PIN", new ConfigSource.PlainValue("12345"));
  }
}
