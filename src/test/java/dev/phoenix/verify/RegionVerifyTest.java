package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockfile.MirrorSetup;
import dev.phoenix.model.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The region's summary line, and AT_RISK for what the ledger does not hold in every mirror. */
class RegionVerifyTest {
  static final String HEX = "ab".repeat(32);
  static final Ref.Image MIRRORED = new Ref.Image("reg.use1:5000", "payments/api", new Digest("sha256", HEX));
  static final Ref.Ssm ALONE = new Ref.Ssm("/prod/db", 7);
  static final String NOT_MIRRORED = "not mirrored: run phoenix mirror --env prod --to eu-central-1";

  @TempDir Path root;

  void files() throws Exception {
    Path env = Files.createDirectories(root.resolve("environments/prod"));
    Files.writeString(env.resolve("regions.yaml"), """
        apiVersion: phoenix/v1
        kind: Regions
        primary: us-east-1
        mirrors:
          eu-central-1:
            registries: {"reg.use1:5000": "reg.euc1:5000"}
        """);
    Files.writeString(env.resolve("mirrors.ledger"), "phoenix-mirror-ledger/v1\n"
        + "eu-central-1 image " + MIRRORED.id() + " reg.euc1:5000/payments/api@sha256:" + HEX + " sha256:" + HEX
        + " 2026-12-03T08:40:00Z\n");
  }

  @Test
  void theSummaryNamesTheRegionAndCountsWhatIsNotMirrored() {
    EnvReport e = new EnvReport("prod", VerifyWindow.head(), List.of(), List.of(),
        List.of(new RefUse(ALONE, List.of("config api.DB"), Finding.missing(NOT_MIRRORED), List.of("c1")),
            new RefUse(MIRRORED, List.of("api"), Finding.missing("copy …: manifest unknown"), List.of("c1"))),
        "prod: NOT restorable now (HEAD 1a2b3c4): …");
    String line = RegionVerify.summary(e, "eu-central-1", NOT_MIRRORED);
    assertThat(line).isEqualTo("prod in eu-central-1: NOT restorable now (HEAD 1a2b3c4): … (1 reference not mirrored)");
    assertThat(e.inRegion("eu-central-1", line).label()).isEqualTo("prod in eu-central-1");
    assertThat(e.label()).isEqualTo("prod");
  }

  @Test
  void aDatastoresLineNamesTheRegionAndADynamoDbOneSaysWhyItHasNothingThere() {
    DataReport rds = new DataReport("prod", "ledger-db", "rds:ledger", java.time.Duration.ofHours(24), List.of(),
        List.of(), RevisionStatus.OK, "prod ledger-db: restorable within RPO 24h at every point since 2026-11-01 00:00");
    DataReport dynamo = new DataReport("prod", "sessions", "dynamodb:sessions", java.time.Duration.ofHours(24),
        List.of(), List.of(), RevisionStatus.MISSING, "prod sessions: NOT restorable within RPO 24h …");
    assertThat(RegionVerify.data(rds, "eu-central-1", false).summary())
        .isEqualTo("prod ledger-db in eu-central-1: restorable within RPO 24h at every point since 2026-11-01 00:00");
    assertThat(RegionVerify.data(dynamo, "eu-central-1", false).summary()).isEqualTo(
        "prod sessions in eu-central-1: NOT restorable within RPO 24h … (" + dev.phoenix.check.MirrorBackups.NOT_MIRRORABLE + ")");
    assertThat(RegionVerify.data(dynamo, "us-east-1", true).summary())
        .isEqualTo("prod sessions in us-east-1: NOT restorable within RPO 24h …");
    assertThat(RegionVerify.data(dynamo, "eu-central-1", false).worst()).isEqualTo(RevisionStatus.MISSING);
  }

  @Test
  void withMirrorsAReferenceTheLedgerLacksIsAtRiskAndOnlyThat() throws Exception {
    files();
    MirrorCoverage coverage = new MirrorCoverage(root);
    assertThat(coverage.concern(MIRRORED, "prod")).isEmpty();
    Optional<Finding> alone = coverage.concern(ALONE, "prod");
    assertThat(alone).isPresent();
    assertThat(alone.get().status()).isEqualTo(Status.AT_RISK);
    assertThat(alone.get().reason()).isEqualTo("only in the primary region us-east-1: not mirrored to eu-central-1 "
        + "(run phoenix mirror --env prod --to eu-central-1)");
    // an environment without regions.yaml is not concerned
    assertThat(coverage.concern(ALONE, "staging")).isEmpty();
    // beside the protection marks: the first concern wins, either may be NONE
    ProtectionProbe marks = (ref, env) -> Optional.of(Finding.atRisk("no protect mark"));
    assertThat(MirrorCoverage.both(marks, coverage).concern(ALONE, "prod").orElseThrow().reason()).isEqualTo("no protect mark");
    assertThat(MirrorCoverage.both(ProtectionProbe.NONE, coverage)).isSameAs(coverage);
    // added to a run only where a regions file exists
    assertThat(MirrorCoverage.applies(root, List.of("prod"), false)).isTrue();
    assertThat(MirrorCoverage.applies(root, List.of("staging"), false)).isFalse();
    assertThat(MirrorCoverage.applies(root, List.of(), true)).isTrue();
  }

  @Test
  void aRegionThatIsNeitherPrimaryNorMirrorIsAUsageErrorNamingTheMirrors() throws Exception {
    files();
    MirrorSetup setup = MirrorSetup.read(root, "prod");
    assertThat(setup.copies("us-east-1").isPrimary()).isTrue();
    assertThat(setup.copies("eu-central-1").copyOf(MIRRORED)).isPresent();
    assertThatThrownBy(() -> setup.copies("ap-south-1")).isInstanceOf(PhoenixException.class)
        .hasMessageContaining("region ap-south-1 is not a mirror of prod in environments/prod/regions.yaml");
    assertThatThrownBy(() -> MirrorSetup.read(root, "staging").copies("eu-central-1"))
        .hasMessageContaining("staging has no environments/staging/regions.yaml");
  }
}
