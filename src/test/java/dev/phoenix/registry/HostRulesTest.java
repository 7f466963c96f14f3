package dev.phoenix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostRulesTest {

  @Test
  void loopbackHostsMayUsePlainHttp() {
    assertThat(HostRules.base("127.0.0.1:5000", Set.of())).isEqualTo(URI.create("http://127.0.0.1:5000"));
    assertThat(HostRules.plainHttpAllowed("127.10.20.30", Set.of())).isTrue();
    assertThat(HostRules.plainHttpAllowed("localhost:5000", Set.of())).isTrue();
    assertThat(HostRules.plainHttpAllowed("[::1]:5000", Set.of())).isTrue();
    assertThat(HostRules.plainHttpAllowed("LOCALHOST", Set.of())).isTrue();
  }

  @Test
  void everythingElseIsHttpsUnlessListedInsecure() {
    assertThat(HostRules.base("registry.example.com", Set.of())).isEqualTo(URI.create("https://registry.example.com"));
    assertThat(HostRules.plainHttpAllowed("128.0.0.1:5000", Set.of())).isFalse();
    assertThat(HostRules.plainHttpAllowed("127.0.0.1.evil.com", Set.of())).isFalse();
    assertThat(HostRules.plainHttpAllowed("127.0.0.256", Set.of())).isFalse();
    assertThat(HostRules.plainHttpAllowed("localhost.evil.com", Set.of())).isFalse();
    assertThat(HostRules.plainHttpAllowed("10.0.0.5:5000", Set.of("10.0.0.5:5000"))).isTrue();
    assertThat(HostRules.plainHttpAllowed("10.0.0.5:5000", Set.of("10.0.0.5"))).isTrue();
    assertThat(HostRules.plainHttpAllowed("10.0.0.5:5000", Set.of("10.0.0.6"))).isFalse();
  }

  @Test
  void redirectAndRealmUrlsFollowTheSameRule() {
    assertThat(HostRules.schemeAllowed(URI.create("https://s3.amazonaws.com/x"), Set.of())).isTrue();
    assertThat(HostRules.schemeAllowed(URI.create("http://s3.amazonaws.com/x"), Set.of())).isFalse();
    assertThat(HostRules.schemeAllowed(URI.create("http://127.0.0.1:9000/token"), Set.of())).isTrue();
    assertThat(HostRules.schemeAllowed(URI.create("http://mirror:80/x"), Set.of("mirror:80"))).isTrue();
    assertThat(HostRules.schemeAllowed(URI.create("ftp://127.0.0.1/x"), Set.of())).isFalse();
  }

  @Test
  void sameOriginComparesSchemeHostAndPort() {
    assertThat(Exchange.sameOrigin(URI.create("https://r.io/v2/a"), URI.create("https://R.io:443/b"))).isTrue();
    assertThat(Exchange.sameOrigin(URI.create("https://r.io/v2/a"), URI.create("https://cdn.r.io/b"))).isFalse();
    assertThat(Exchange.sameOrigin(URI.create("http://127.0.0.1:5000/a"), URI.create("http://127.0.0.1:5001/a")))
        .isFalse();
    assertThat(Exchange.sameOrigin(URI.create("https://r.io/a"), URI.create("http://r.io/a"))).isFalse();
  }
}
