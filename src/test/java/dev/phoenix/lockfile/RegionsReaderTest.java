package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.model.Regions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsReaderTest {
  private static final String FILE = "environments/prod/regions.yaml";

  private static Parsed<Regions> read(String yaml) {
    return RegionsReader.read(FILE, yaml.getBytes(StandardCharsets.UTF_8), "prod");
  }

  @Test
  void readsTheIssuesExample() {
    Parsed<Regions> p = read("""
        apiVersion: phoenix/v1
        kind: Regions
        primary: eu-west-2
        mirrors:
          eu-central-1:
            registries: {"123456789012.dkr.ecr.eu-west-2.amazonaws.com": "123456789012.dkr.ecr.eu-central-1.amazonaws.com"}
            buckets: {artefacts-euw2: artefacts-euc1}
        """);
    assertThat(p.problems()).isEmpty();
    assertThat(p.value().primary()).isEqualTo("eu-west-2");
    Regions.Mirror m = p.value().mirror("eu-central-1").orElseThrow();
    assertThat(m.registryFor("123456789012.dkr.ecr.eu-west-2.amazonaws.com"))
        .contains("123456789012.dkr.ecr.eu-central-1.amazonaws.com");
    assertThat(m.bucketFor("artefacts-euw2")).contains("artefacts-euc1");
  }

  @Test
  void reportsEveryProblemWithItsLine() {
    Parsed<Regions> p = read("""
        apiVersion: phoenix/v1
        kind: Regions
        primary: europe
        mirors: {}
        mirrors:
          eu-west-2: {registries: {"a.example": "b.example"}}
          eu-central-1:
            registries: {"a.example": "a.example", "b.example": 7}
            buckets: {Bad_Bucket: ok-bucket}
            regstries: {}
          not-a-region: {buckets: {a1b: c2d}}
        """);
    List<String> lines = p.problems().stream().map(Problem::render).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(FILE + ":3: primary 'europe' is not an AWS region"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(FILE + ":4: unknown field 'mirors'").contains("did you mean 'mirrors'"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(FILE + ":8: mirrors.eu-central-1.registries.a.example points at itself"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(FILE + ":8: mirrors.eu-central-1.registries.b.example must be a registry host"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(FILE + ":9: mirrors.eu-central-1.buckets: 'Bad_Bucket' is not an S3 bucket name"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(FILE + ":10: unknown field 'regstries' in mirrors.eu-central-1"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(FILE + ":11: mirrors.not-a-region is not an AWS region"));
    assertThat(p.problems()).hasSize(7);
  }

  @Test
  void primaryAsMirrorIsRefused() {
    Parsed<Regions> p = read("""
        apiVersion: phoenix/v1
        kind: Regions
        primary: eu-west-2
        mirrors:
          eu-west-2: {buckets: {a-b: c-d}}
        """);
    assertThat(p.problems()).singleElement().satisfies(pr -> assertThat(pr.render())
        .startsWith(FILE + ":5: mirrors.eu-west-2 is the primary region itself"));
  }

  @Test
  void ledgerRoundTripsAndItsRulesHoldLines() {
    String digest = "sha256:" + "a".repeat(64);
    MirrorLedger ledger = new MirrorLedger(List.of(
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.IMAGE, "r1.example/shop/api@" + digest,
            "r2.example/shop/api@" + digest, digest, Instant.parse("2026-12-01T10:00:00Z"), 0),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.S3, "s3://b/key with space%?versionId=v1",
            "s3://c/key with space%?versionId=v9", "sha256:" + "b".repeat(64), Instant.parse("2026-12-01T10:00:01Z"), 0),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.AMI, "ami-0123abcd (eu-west-2)",
            "ami-0456abcd (eu-central-1)", "-", Instant.parse("2026-12-01T10:00:02Z"), 0)));
    Parsed<MirrorLedger> back = LedgerReader.read("L", ledger.render().getBytes(StandardCharsets.UTF_8));
    assertThat(back.problems()).isEmpty();
    assertThat(back.value().entries()).extracting(MirrorLedger.Entry::source)
        .containsExactly("r1.example/shop/api@" + digest, "s3://b/key with space%?versionId=v1", "ami-0123abcd (eu-west-2)");
    assertThat(back.value().find("eu-central-1", "ami-0123abcd (eu-west-2)").orElseThrow().copy())
        .isEqualTo("ami-0456abcd (eu-central-1)");

    String bad = ledger.render().replace("r2.example/shop/api@" + digest, "r2.example/shop/api@sha256:" + "c".repeat(64))
        + "eu-central-1 widget x y - 2026-12-01T10:00:00Z\n" + "eu-central-1 ssm ssm:/a:1 ssm:/a:2 -\n";
    List<String> problems = LedgerReader.read("L", bad.getBytes(StandardCharsets.UTF_8)).problems().stream()
        .map(Problem::render).toList();
    assertThat(problems).containsExactly(
        "L:3: the checksum " + digest + " differs from the copy's digest sha256:" + "c".repeat(64)
            + " — a copy keeps its digest: run phoenix mirror again to copy it anew",
        "L:6: kind 'widget' is not one of image, s3, ssm, secret, ami — restore the line from Git",
        "L:7: has 5 fields, a ledger line has 6 (REGION KIND SOURCE COPY CHECKSUM AT) — restore the line from Git or delete it (phoenix mirror makes it again)");
  }
}
