package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.support.Estates;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per validation rule: a single edit of the valid sample, and the exact message it must produce. */
class LockfileRulesTest {
  private static final String FILE = "environments/prod/environment.lock.yaml";
  private static final String DIGEST = "sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07";

  private static List<Problem> problems(String content) {
    return LockfileReader.read(FILE, content.getBytes(StandardCharsets.UTF_8), "prod").problems();
  }

  private static String edit(String from, String to) {
    String sample = Estates.prodLock();
    assertThat(sample).contains(from);
    return sample.replace(from, to);
  }

  @Test
  void theSampleIsValid() {
    assertThat(problems(Estates.prodLock())).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("image with a tag and no digest",
            edit("payments/api@" + DIGEST, "payments/api:latest"),
            FILE + ":9: artefacts.payments-api.image 'registry.example.com/payments/api:latest' has a tag (:latest) but no digest, so it can change under you — pin it by digest: registry.example.com/payments/api@sha256:<digest> (phoenix lock resolves a tag to its digest once)"),
        Arguments.of("image with a version tag and no digest",
            edit("payments/api@" + DIGEST, "payments/api:1.2"),
            FILE + ":9: artefacts.payments-api.image 'registry.example.com/payments/api:1.2' has a tag (:1.2) but no digest, so it can change under you — pin it by digest: registry.example.com/payments/api@sha256:<digest> (phoenix lock resolves a tag to its digest once)"),
        Arguments.of("malformed digest",
            edit(DIGEST, "sha256:4b825dc6"),
            FILE + ":9: artefacts.payments-api.image: digest 'sha256:4b825dc6' is not sha256: followed by 64 lowercase hex characters — write registry/repository@sha256:<64 hex>, e.g. registry.example.com/payments/api@sha256:…"),
        Arguments.of("version not semver-build-commit",
            edit("version: 1.4.2-318-9f3c2ab", "version: 1.4.2"),
            FILE + ":8: artefacts.payments-api.version '1.4.2' is not of the form <semver>-<build-number>-<commit> — use the version the build stamped, e.g. 1.4.2-318-9f3c2ab"),
        Arguments.of("lambda without versionId",
            edit("versionId: 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY, ", ""),
            FILE + ":25: artefacts.statements.s3 has no versionId, so a re-upload would silently replace the package — pin the S3 object version: versionId: <id> (phoenix lock --lambda pins it)"),
        Arguments.of("lambda without sha256",
            edit(", sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", ""),
            FILE + ":25: artefacts.statements.s3 has no sha256, so corrupt or swapped bytes would go unnoticed — add sha256: <64 hex> of the package (phoenix lock --lambda records it)"),
        Arguments.of("ssm without version",
            edit("{ssm: /prod/payments/database-url, version: 7}", "{ssm: /prod/payments/database-url}"),
            FILE + ":36: config.payments-api.DATABASE_URL has no version, so it would read whatever the parameter holds today — pin it: version: <n> (phoenix lock --config pins the current version)"),
        Arguments.of("secret without versionId",
            edit("{secret: prod/payments/api-key, versionId: 0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f}", "{secret: prod/payments/api-key}"),
            FILE + ":37: config.payments-api.API_KEY has no versionId, so it would read whatever the secret holds today — pin it: versionId: <id> (phoenix lock --config pins the current version)"),
        Arguments.of("plain value named like a secret",
            edit("LOG_LEVEL: {value: info}", "DB_PASSWORD: {value: hunter2}"),
            FILE + ":38: config.payments-api.DB_PASSWORD is a plain value but its name DB_PASSWORD says it is secret — store it in SSM Parameter Store (SecureString) or Secrets Manager and pin {ssm: NAME, version: N} or {secret: ID, versionId: V}"),
        Arguments.of("plain value with credentials in a URL",
            edit("LOG_LEVEL: {value: info}", "UPSTREAM: {value: \"https://bob:pa55@example.com/x\"}"),
            FILE + ":38: config.payments-api.UPSTREAM is a plain value but its value is a URL with credentials in it — store it in SSM Parameter Store (SecureString) or Secrets Manager and pin {ssm: NAME, version: N} or {secret: ID, versionId: V}"),
        Arguments.of("plain value that is a long random string",
            edit("LOG_LEVEL: {value: info}", "UPSTREAM_ID: {value: aZ3kP9qL2mX8vN4bR7tY1wE6}"),
            FILE + ":38: config.payments-api.UPSTREAM_ID is a plain value but its value is a long high-entropy string — store it in SSM Parameter Store (SecureString) or Secrets Manager and pin {ssm: NAME, version: N} or {secret: ID, versionId: V}"),
        Arguments.of("unknown field (typo)",
            edit("    source: {repository: https://git.example.com/payments/api", "    sorce: {repository: https://git.example.com/payments/api"),
            FILE + ":10: unknown field 'sorce' in artefacts.payments-api — did you mean 'source'?"),
        Arguments.of("unknown top-level field",
            edit("stacks: [services, functions]", "stacks: [services, functions]\nstaks: []"),
            FILE + ":5: unknown field 'staks' — did you mean 'stacks'?"),
        Arguments.of("type tag refused",
            edit("environment: prod", "environment: !!str prod"),
            FILE + ":3: a YAML type tag (!…) is not allowed — remove the tag; Phoenix files hold plain maps, lists and strings"),
        Arguments.of("anchors and aliases refused",
            edit("  bastion:\n", "  bastion: &b\n").replace("environment: prod", "environment: *b"),
            null),
        Arguments.of("duplicate key refused",
            edit("    LOG_LEVEL: {value: info}", "    LOG_LEVEL: {value: info}\n    LOG_LEVEL: {value: debug}"),
            FILE + ":39: duplicate key 'LOG_LEVEL' (first at line 38) — keep one of them; YAML readers disagree on which one wins"),
        Arguments.of("environment does not match directory",
            edit("environment: prod", "environment: production"),
            FILE + ":3: environment 'production' does not match its directory environments/prod — set environment: prod or move the file"),
        Arguments.of("unknown artefact type",
            edit("type: machine-image", "type: vm-image"),
            FILE + ":30: artefacts.bastion.type 'vm-image' is not a known artefact type — use container-image, lambda-package or machine-image"),
        Arguments.of("S3 version id 'null' from an unversioned bucket",
            edit("versionId: 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "versionId: 'null'"),
            FILE + ":25: artefacts.statements.s3.versionId is 'null': the bucket was not versioned when uploaded — enable versioning on the bucket, upload again and pin the new versionId"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleReportsItsExactMessage(String rule, String content, String expected) {
    List<String> rendered = problems(content).stream().map(Problem::render).toList();
    if (expected == null) {
      assertThat(rendered).anySatisfy(r -> assertThat(r).contains("YAML anchors and aliases are not allowed"));
    } else {
      assertThat(rendered).containsExactly(expected);
    }
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String broken = edit("payments/api@" + DIGEST, "payments/api:latest")
        .replace("version: 1.4.2-318-9f3c2ab", "version: 1.4")
        .replace("{ssm: /prod/payments/database-url, version: 7}", "{ssm: /prod/payments/database-url}");
    assertThat(problems(broken)).hasSize(3);
  }

  @Test
  void secretLookingValueIsNeverEchoed() {
    String broken = edit("LOG_LEVEL: {value: info}", "DB_PASSWORD: {value: canary-hunter2-XYZ}");
    assertThat(problems(broken)).hasSize(1).allSatisfy(p -> assertThat(p.render()).doesNotContain("canary-hunter2-XYZ"));
  }

  @Test
  void oversizedFileIsRefusedBeforeParsing() {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThat(LockfileReader.read(FILE, big, "prod").problems())
        .extracting(Problem::message).singleElement().asString().contains("over the 1048576-byte limit");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "a: " + "[".repeat(60) + "]".repeat(60) + "\n";
    assertThat(LockfileReader.read(FILE, deep.getBytes(StandardCharsets.UTF_8), "prod").problems())
        .extracting(Problem::message).anySatisfy(m -> assertThat(m).containsAnyOf("nesting", "depth"));
  }
}
