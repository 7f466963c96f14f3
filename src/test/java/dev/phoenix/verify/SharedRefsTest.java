package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Ref;
import dev.phoenix.check.Refs;
import dev.phoenix.lockfile.LockfileMemo;
import dev.phoenix.lockfile.LockfileReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Lockfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedRefs} gives exactly {@code canonical.of(Refs.of(lockfile))}, in order, whether the
 * lockfile's entries are shared by the memo or parsed anew, with references used twice merged.
 */
class SharedRefsTest {
  private static final String IMAGE_X = "reg.example.com/team/x@sha256:" + "a".repeat(64);
  private static final String IMAGE_Y = "reg.example.com/team/y@sha256:" + "b".repeat(64);

  private static String lockfile(String firstImage, int version) {
    return """
        apiVersion: phoenix/v1
        kind: EnvironmentLock
        environment: prod
        stacks: [services]
        artefacts:
          api:
            type: container-image
            version: 1.0.0-1-abcdef0
            image: %s
          api-copy:
            type: container-image
            version: 1.0.0-1-abcdef0
            image: %s
          statements:
            type: lambda-package
            version: 2.0.1-77-1a2b3c4
            s3: {bucket: artefacts, key: s.zip, versionId: v1, sha256: %s}
          bastion:
            type: machine-image
            version: 2026.11.0-12-abcdef0
            ami: ami-0123456789abcdef0
            region: eu-west-2
        config:
          api:
            URL: {ssm: /prod/api/url, version: %d}
            SAME_URL: {ssm: /prod/api/url, version: %d}
            LEVEL: {value: info}
          api-copy:
            KEY: {secret: prod/api/key, versionId: 0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f}
          statements:
            URL: {ssm: /prod/api/url, version: 7}
        """.formatted(firstImage, IMAGE_X, "c".repeat(64), version, version);
  }

  private static Lockfile read(String text, LockfileMemo memo) {
    Parsed<Lockfile> parsed = LockfileReader.read(Lockfile.path("prod"), text.getBytes(StandardCharsets.UTF_8), "prod",
        memo);
    assertThat(parsed.problems()).isEmpty();
    return parsed.value();
  }

  @Test
  void sharedOrNotTheReferencesAreRefsOfMadeCanonicalInTheirOrder() {
    Canonical canonical = new Canonical();
    SharedRefs shared = new SharedRefs(canonical);
    LockfileMemo memo = new LockfileMemo();
    List<Lockfile> lockfiles = new ArrayList<>();
    for (String text : List.of(lockfile(IMAGE_X, 7), lockfile(IMAGE_Y, 7), lockfile(IMAGE_X, 8), lockfile(IMAGE_X, 7))) {
      lockfiles.add(read(text, memo)); // later ones share entries with the earlier
      lockfiles.add(read(text, null)); // parsed anew
    }
    assertThat(memo.reused()).isPositive();
    for (Lockfile lockfile : lockfiles) {
      Map<Ref, List<String>> made = shared.of(lockfile);
      Map<Ref, List<String>> expected = canonical.of(Refs.of(lockfile));
      assertThat(List.copyOf(made.entrySet())).isEqualTo(List.copyOf(expected.entrySet()));
      made.forEach((ref, uses) -> {
        assertThat(ref).isSameAs(canonical.ref(ref));
        assertThat(uses).isSameAs(canonical.uses(uses));
      });
      assertThat(canonical.of(made)).isSameAs(made); // already canonical: given back as it is
    }
    Map<Ref, List<String>> first = shared.of(lockfiles.get(0));
    assertThat(first.values()).contains(List.of("api", "api-copy"), List.of("config api.URL", "config api.SAME_URL", "config statements.URL"));
  }
}
