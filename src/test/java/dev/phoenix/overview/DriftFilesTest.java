package dev.phoenix.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.page.DriftView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift JSON the page reads: the documented minimal shape, unknown fields ignored, every problem at once. */
class DriftFilesTest {
  @TempDir Path dir;

  Path file(String name, String json) throws Exception {
    return Files.writeString(dir.resolve(name), json);
  }

  @Test
  void readsOneEnvironmentOrAListAndIgnoresFieldsItDoesNotKnow() throws Exception {
    Path one = file("prod.json", """
        {"environment": "prod", "target": "local", "checkedAt": "2026-11-26T08:00:00Z",
         "summary": "prod runs the lockfile of 2026-11-02 16:40 (83d377b), 2 revisions behind HEAD; api drifted",
         "live": {"commit": "83d377b", "behind": 2}, "future": [1, 2, 3],
         "services": [
           {"name": "api", "status": "DRIFTED", "lockfile": "r/api@sha256:aa", "running": "r/api@sha256:bb", "replicas": 2},
           {"name": "web", "status": "NOT_RUNNING", "lockfile": "r/web@sha256:cc", "running": null}],
         "functions": [{"name": "ledger", "status": "MATCH", "lockfile": {"sha256": "dd"}, "running": "dd"}]}
        """);
    Path many = file("all.json", """
        {"summary": "1 environment checked", "checkedAt": "2026-11-26T09:00:00Z",
         "environments": [{"environment": "staging", "services": []}]}
        """);
    DriftView d = DriftFiles.read(List.of(one, many));
    assertThat(d.environments()).extracting(DriftView.Environment::environment).containsExactly("prod", "staging");
    DriftView.Environment prod = d.environments().get(0);
    assertThat(prod.summary()).startsWith("prod runs the lockfile of 2026-11-02 16:40");
    assertThat(prod.checkedAt()).isEqualTo("2026-11-26T08:00:00Z");
    assertThat(prod.source()).isEqualTo(one.toString());
    assertThat(prod.items()).containsExactly(
        new DriftView.Item("api", "DRIFTED", "r/api@sha256:aa", "r/api@sha256:bb"),
        new DriftView.Item("web", "NOT_RUNNING", "r/web@sha256:cc", null),
        new DriftView.Item("ledger", "MATCH", "{\"sha256\":\"dd\"}", "dd"));
    DriftView.Environment staging = d.environments().get(1);
    assertThat(staging.items()).isEmpty();
    assertThat(staging.summary()).isEqualTo("1 environment checked"); // the run's summary when it holds one environment
    assertThat(staging.checkedAt()).isEqualTo("2026-11-26T09:00:00Z");
  }

  @Test
  void everyProblemOfEveryFileIsNamedByFileAndPath() throws Exception {
    Path broken = file("broken.json", "{\"environment\": \"prod\",\n  \"services\": [\n");
    Path shapeless = file("shape.json", """
        {"environments": [{"services": [{"status": "MATCH"}, {"name": "x"}, 7]}, {"environment": "e", "services": {}}]}
        """);
    Path list = file("list.json", "[1, 2]");
    Path none = dir.resolve("absent.json");
    assertThatThrownBy(() -> DriftFiles.read(List.of(broken, shapeless, list, none)))
        .isInstanceOfSatisfying(PhoenixException.class, e -> {
          assertThat(e.kind()).isEqualTo(PhoenixException.Kind.INPUT);
          assertThat(e.getMessage())
              .contains(broken + ":3:")
              .contains(shapeless + ": /environments/0: no \"environment\"")
              .contains(shapeless + ": /environments/0/services/0: no \"name\"")
              .contains(shapeless + ": /environments/0/services/1: no \"status\" (MATCH, DRIFTED")
              .contains(shapeless + ": /environments/0/services/2 is not a JSON object")
              .contains(shapeless + ": /environments/1: \"services\" is not a list")
              .contains(list + ": / is not a JSON object")
              .contains(none + ": not a regular file");
          assertThat(e.fix()).contains("phoenix drift --output json").contains("docs/report.md");
        });
  }
}
