package dev.phoenix.registry;

import static dev.phoenix.registry.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import dev.phoenix.testsupport.LocalRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bearer-token challenge flow against a token-issuing proxy in front of a real registry. */
class BearerTokenIT {
  private static LocalRegistry registry;
  private static String a1;
  private static String a2;
  private static String b1;

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
    a1 = registry.pushSyntheticImage("team/a", "1", bytes("a one"));
    a2 = registry.pushSyntheticImage("team/a", "2", bytes("a two"));
    b1 = registry.pushSyntheticImage("team/b", "1", bytes("b one"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void tokenIsFetchedOncePerRepositoryAndReused() {
    try (TokenProxy tokens = new TokenProxy(registry.baseUri())) {
      List<Ref> refs = List.of(image(tokens, "team/a", a1), image(tokens, "team/a", a2), image(tokens, "team/b", b1));

      Map<Ref, Finding> found = Fixtures.check(RegistryCredentials.anonymous(), true, refs);

      assertThat(found.values()).allMatch(f -> f.status() == Status.OK);
      assertThat(tokens.tokenRequests).hasSize(2)
          .anyMatch(p -> p.contains("scope=repository%3Ateam%2Fa%3Apull") && p.contains("service=phoenix-test"))
          .anyMatch(p -> p.contains("scope=repository%3Ateam%2Fb%3Apull"));
      assertThat(tokens.tokenAuthorizations).containsOnly("null");
    }
  }

  @Test
  void refusedTokenIsRefreshedOnceAndBasicCredentialsGoToTheRealm() {
    try (TokenProxy tokens = new TokenProxy(registry.baseUri()).usesPerToken(1)) {
      RegistryCredentials creds = host -> Optional.of(new RegistryCredential.Basic("ci", "pw"));

      Finding deep = Fixtures.checkOne(creds, tokens.hostPort(), "team/a", a1, true);

      assertThat(deep.status()).isEqualTo(Status.OK);
      assertThat(tokens.tokenRequests).hasSize(3); // manifest, config, layer: each token works once
      assertThat(tokens.tokenAuthorizations).containsOnly("Basic Y2k6cHc=");
    }
  }

  @Test
  void tokenRefusedAgainAfterRefreshIsAuthenticationFailure() {
    try (TokenProxy tokens = new TokenProxy(registry.baseUri()).acceptTokens(false)) {
      Finding f = Fixtures.checkOne(tokens.hostPort(), "team/b", b1, false);

      assertThat(f).isEqualTo(Finding.unknown("authentication failed at " + tokens.hostPort() + " (401)"));
      assertThat(tokens.proxy.count("GET", "/v2/team/b/manifests/")).isEqualTo(2);
    }
  }

  private static Ref image(TokenProxy tokens, String repo, String digest) {
    return new Ref.Image(tokens.hostPort(), repo, Digest.of(digest));
  }
}
