package dev.phoenix.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** show of an invalid revision says it is INVALID, with every problem and exit 1; a valid one exits 0. */
class InvalidRevisionShowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOCK = "environments/prod/environment.lock.yaml";

  @TempDir Path dir;
  private String valid;
  private String duplicate;
  private String tagged;

  @BeforeEach
  void history() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put("stacks/services.yaml", Estates.servicesStack()).put("stacks/functions.yaml", Estates.functionsStack())
          .put(LOCK, Estates.prodLock());
      valid = repo.commit(Instant.parse("2026-11-01T10:00:00Z"), "valid");
      // a second version key: YAML readers disagree on which wins; show used to print the first silently
      repo.put(LOCK, Estates.prodLock().replace("    version: 1.4.2-318-9f3c2ab          #",
          "    version: 1.4.2-318-9f3c2ab\n    version: 9.9.9-999-fffffff          #"));
      duplicate = repo.commit(Instant.parse("2026-11-02T10:00:00Z"), "duplicate key");
      repo.put(LOCK, Estates.prodLock().replace("payments/api@sha256:4b825dc6", "payments/api:latest#")
          .replace("version: 7}", "}"));
      tagged = repo.commit(Instant.parse("2026-11-03T10:00:00Z"), "a tag and an unpinned parameter");
      repo.checkout();
    }
  }

  @Test
  void duplicateKeysAreAProblemNotASilentFirstWins() throws Exception {
    ReadCli run = ReadCli.in(dir, "show", "--env", "prod", "--at", duplicate, "--output", "json");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("problems")).singleElement().satisfies(p -> {
      assertThat(p.get("file").asText()).isEqualTo(LOCK);
      assertThat(p.get("line").asInt()).isEqualTo(9);
      assertThat(p.get("message").asText()).isEqualTo("duplicate key 'version' (first at line 8)");
    });
    assertThat(run.err()).isEqualTo("error: prod at commit " + duplicate.substring(0, 7)
        + " is INVALID, not restorable as written (1 problem):\n  " + LOCK + ":9: duplicate key 'version' (first at line 8)"
        + " — keep one of them; YAML readers disagree on which one wins\n");
  }

  @Test
  void everyProblemIsListedAndTheLockfileIsStillShown() throws Exception {
    ReadCli run = ReadCli.in(dir, "show", "--env", "prod", "--at", tagged, "--output", "json");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("problems")).hasSize(2);
    assertThat(json.get("lock").get("artefacts").get("payments-api").get("version").asText()).isEqualTo("1.4.2-318-9f3c2ab");
    ReadCli text = ReadCli.in(dir, "show", "--env", "prod", "--at", tagged);
    assertThat(text.code()).isEqualTo(1);
    assertThat(text.out()).contains("    image: registry.example.com/payments/api:latest#");
    assertThat(text.err()).startsWith("error: prod at commit " + tagged.substring(0, 7)
        + " is INVALID, not restorable as written (2 problems):\n  " + LOCK + ":9: ").contains("\n  " + LOCK + ":36: ");
  }

  @Test
  void aValidRevisionSaysSoAndExitsZero() throws Exception {
    ReadCli run = ReadCli.in(dir, "show", "--env", "prod", "--at", valid, "--output", "json");
    assertThat(run.code()).as(run.toString()).isEqualTo(0);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("problems")).isEmpty();
    assertThat(run.err()).isEmpty();
  }
}
