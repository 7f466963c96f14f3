package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.registry.TestProxy;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phoenix verify --check-protection} run as a user runs it, against a real registry: a
 * protected image is OK, an unprotected one AT_RISK, and one whose protection lookup fails (the
 * registry refuses its tag list, as an IAM policy without ecr:ListImages would) is UNKNOWN with
 * the reason and exit 3, never "protected". The proxy in front of the registry only refuses that one
 * repository's tag list; everything else reaches the real registry.
 */
class VerifyProtectionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  static LocalRegistry registry;
  static TestProxy proxy;
  @TempDir static Path dir;
  static final Map<String, String> DIGEST = new HashMap<>();

  @BeforeAll
  static void estate() {
    registry = LocalRegistry.start();
    proxy = new TestProxy(registry.baseUri());
    for (String repo : new String[] {"shop/front", "shop/back", "shop/cart"}) {
      DIGEST.put(repo, registry.pushSyntheticImage(repo, "build-1", repo.getBytes(StandardCharsets.UTF_8)));
    }
    Instant now = Instant.now();
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("environments/prod/environment.lock.yaml", lockfile("shop/front", "shop/cart"))
          .commit(now.minus(Duration.ofDays(2)), "front and cart");
      git.checkout();
      RepoRun protect = RepoRun.in(dir, "protect", "--env", "prod", "--yes");
      assertThat(protect.code()).as(protect.err() + protect.out()).isZero();
      assertThat(protect.out()).contains("applied 2 change(s)");
      git.put("environments/prod/environment.lock.yaml", lockfile("shop/front", "shop/cart", "shop/back"))
          .commit(now.minus(Duration.ofDays(1)), "back added, not protected yet");
      git.checkout();
    }
  }

  static String lockfile(String... repos) {
    StringBuilder b = new StringBuilder("""
        apiVersion: phoenix/v1
        kind: EnvironmentLock
        environment: prod
        stacks: []
        artefacts:
        """);
    for (String repo : repos) {
      b.append("""
            %s:
              type: container-image
              version: 1.0.0-1-abcdef0
              image: %s/%s@%s
          """.formatted(repo.replace('/', '-'), proxy.hostPort(), repo, DIGEST.get(repo)));
    }
    return b.toString();
  }

  @AfterAll
  static void stop() {
    proxy.close();
    registry.close();
  }

  static JsonNode reference(JsonNode report, String repo) {
    for (JsonNode r : report.get("environments").get(0).get("references")) {
      if (r.get("ref").asText().contains("/" + repo + "@")) {
        return r;
      }
    }
    throw new AssertionError(repo + " not in " + report);
  }

  @Test
  void protectedIsOkUnprotectedAtRiskAndAFailedLookupUnknown() throws Exception {
    proxy.rule((request, exchange) -> false);
    RepoRun clean = RepoRun.in(dir, "verify", "--env", "prod", "--check-protection", "--output", "json");
    assertThat(clean.code()).as(clean.err() + clean.out()).isZero(); // AT_RISK warns without --strict
    JsonNode report = JSON.readTree(clean.out());
    assertThat(reference(report, "shop/front").get("status").asText()).isEqualTo("OK");
    assertThat(reference(report, "shop/cart").get("status").asText()).isEqualTo("OK");
    assertThat(reference(report, "shop/back").get("status").asText()).isEqualTo("AT_RISK");
    assertThat(reference(report, "shop/back").get("reason").asText())
        .contains("registry tag phoenix-keep-prod-" + DIGEST.get("shop/back").substring(7, 19))
        .contains("phoenix protect --env prod");

    proxy.rule((request, exchange) -> {
      if (request.path().startsWith("/v2/shop/cart/tags/list")) {
        TestProxy.respond(exchange, 403, Map.of("Content-Type", "application/json"),
            "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"not allowed to list tags\"}]}".getBytes(StandardCharsets.UTF_8));
        return true;
      }
      return false;
    });
    RepoRun denied = RepoRun.in(dir, "verify", "--env", "prod", "--check-protection", "--output", "json");
    assertThat(denied.code()).as(denied.err() + denied.out()).isEqualTo(3);
    report = JSON.readTree(denied.out());
    assertThat(report.get("outcome").asText()).isEqualTo("UNKNOWN");
    JsonNode cart = reference(report, "shop/cart");
    assertThat(cart.get("status").asText()).isEqualTo("UNKNOWN");
    assertThat(cart.get("reason").asText())
        .startsWith("present, but its protection (registry tag phoenix-keep-prod-" + DIGEST.get("shop/cart").substring(7, 19)
            + ") could not be checked: ")
        .contains("403");
    assertThat(reference(report, "shop/front").get("status").asText()).isEqualTo("OK");
    assertThat(reference(report, "shop/back").get("status").asText()).isEqualTo("AT_RISK");

    RepoRun text = RepoRun.in(dir, "verify", "--env", "prod", "--check-protection");
    assertThat(text.code()).isEqualTo(3);
    assertThat(text.out()).contains("UNKNOWN").contains("could not be checked");
  }
}
