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
    assertThat(m.secrets()).as("copy unless the file says replicate").isEqualTo(Regions.SecretMode.COPY);
  }

  @Test
  void secretsIsReplicateOrCopyPerMirror() {
    Parsed<Regions> p = read("""
        apiVersion: phoenix/v1
        kind: Regions
        primary: eu-west-2
        mirrors:
          eu-central-1: {buckets: {a-b: c-d}, secrets: replicate}
          us-east-1: {buckets: {a-b: e-f}, secrets: copy}
        """);
    assertThat(p.problems()).isEmpty();
    assertThat(p.value().mirror("eu-central-1").orElseThrow().secrets()).isEqualTo(Regions.SecretMode.REPLICATE);
    assertThat(p.value().mirror("us-east-1").orElseThrow().secrets()).isEqualTo(Regions.SecretMode.COPY);
    Parsed<Regions> bad = read("""
        apiVersion: phoenix/v1
        kind: Regions
        primary: eu-west-2
        mirrors:
          eu-central-1:
            buckets: {a-b: c-d}
            secrets: replica
        """);
    assertThat(bad.problems()).singleElement().satisfies(pr -> assertThat(pr.render())
        .startsWith(FILE + ":7: mirrors.eu-central-1.secrets 'replica' is neither replicate nor copy"));
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
        "L:6: kind 'widget' is not one of image, s3, ssm, secret, ami, dump, rds — restore the line from Git",
        "L:7: has 5 fields, a ledger line has 6 (REGION KIND SOURCE COPY CHECKSUM AT) and then optional NAME=VALUE "
            + "attributes — restore the line from Git or delete it (phoenix mirror makes it again)");
  }

  @Test
  void backupAndSecretLinesCarryTheirAttributes() {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    String sha = "sha256:" + "d".repeat(64);
    String snapshot = "arn:aws:rds:eu-west-2:123456789012:snapshot:ledger-t1";
    MirrorLedger ledger = new MirrorLedger(List.of(
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.DUMP, "s3://dumps/ledger-db/d.dump?versionId=v1",
            "s3://dumps-euc1/ledger-db/d.dump?versionId=w1", sha, at, 0,
            java.util.Map.of(MirrorLedger.TAKEN, "2026-11-04T09:00:00Z", MirrorLedger.OF, "s3://dumps/ledger-db/")),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.RDS, snapshot,
            snapshot.replace("eu-west-2", "eu-central-1"), "-", at, 0,
            java.util.Map.of(MirrorLedger.TAKEN, "2026-11-05T09:00:00Z", MirrorLedger.OF, "rds:ledger")),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.SECRET, "secret:prod/key@v1",
            "secret:arn:aws:secretsmanager:eu-central-1:1:secret:prod/key-Ab12Cd@v1", "-", at, 0,
            java.util.Map.of(MirrorLedger.VIA, "replica"))));
    Parsed<MirrorLedger> back = LedgerReader.read("L", ledger.render().getBytes(StandardCharsets.UTF_8));
    assertThat(back.problems()).isEmpty();
    assertThat(back.value().entries()).extracting(MirrorLedger.Entry::kind, MirrorLedger.Entry::taken,
        e -> e.attribute(MirrorLedger.OF), e -> e.attribute(MirrorLedger.VIA)).containsExactly(
            org.assertj.core.groups.Tuple.tuple(MirrorLedger.Kind.DUMP, java.util.Optional.of(Instant.parse("2026-11-04T09:00:00Z")),
                java.util.Optional.of("s3://dumps/ledger-db/"), java.util.Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(MirrorLedger.Kind.RDS, java.util.Optional.of(Instant.parse("2026-11-05T09:00:00Z")),
                java.util.Optional.of("rds:ledger"), java.util.Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(MirrorLedger.Kind.SECRET, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of("replica")));

    String bad = MirrorLedger.HEADER + "\n"
        + "eu-central-1 dump s3://a/k?versionId=1 s3://b/k?versionId=2 " + sha + " 2026-12-01T10:00:00Z of=s3://a/\n"
        + "eu-central-1 rds " + snapshot + " " + snapshot + " - 2026-12-01T10:00:00Z taken=yesterday of=rds:x\n"
        + "eu-central-1 ssm ssm:/a:1 ssm:/a:2 - 2026-12-01T10:00:00Z via=replica\n"
        + "eu-central-1 secret secret:a@1 secret:a@1 - 2026-12-01T10:00:00Z via=mirror\n"
        + "eu-central-1 dynamodb arn:x arn:y - 2026-12-01T10:00:00Z taken=2026-12-01T10:00:00Z of=dynamodb:t\n";
    List<String> problems = LedgerReader.read("L", bad.getBytes(StandardCharsets.UTF_8)).problems().stream()
        .map(Problem::render).toList();
    assertThat(problems).containsExactly(
        "L:2: a dump line needs the attribute taken=… — restore the line from Git or delete it (phoenix mirror makes it again)",
        "L:3: taken 'yesterday' is not an ISO-8601 UTC time — restore the line from Git",
        "L:4: attribute 'via' is not one a ssm line has (taken and of on dump and rds lines, via on secret lines) — restore the line from Git",
        "L:5: via 'mirror' is neither replica nor copy — restore the line from Git",
        "L:6: a dynamodb line: DynamoDB backups are not mirrored (no cross-region copy without AWS Backup; "
            + "docs/regions.md) — delete the line");
  }
}
