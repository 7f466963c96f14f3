package dev.phoenix.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.model.MirrorLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** protect --region marks the copies the ledger records, and leaves a secret's replica out. */
class ProtectWindowRegionTest {
  static final Instant AT = Instant.parse("2026-12-03T08:40:00Z");

  @Test
  void aCopiedSecretIsMarkedInTheRegionAReplicatedOneIsNot() {
    Ref.Secret copied = new Ref.Secret("prod/copied", "v1");
    Ref.Secret replicated = new Ref.Secret("prod/replicated", "v2");
    Ref.Ssm alone = new Ref.Ssm("/prod/db", 3);
    String arn = "arn:aws:secretsmanager:eu-central-1:1:secret:";
    MirrorLedger ledger = new MirrorLedger(List.of(
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.SECRET, copied.id(),
            "secret:" + arn + "prod/copied-Ab12Cd@v1", "-", AT, 0, Map.of(MirrorLedger.VIA, "copy")),
        new MirrorLedger.Entry("eu-central-1", MirrorLedger.Kind.SECRET, replicated.id(),
            "secret:" + arn + "prod/replicated-Ef34Gh@v2", "-", AT, 0, Map.of(MirrorLedger.VIA, "replica"))));
    ProtectWindow window = new ProtectWindow(AT, List.of(),
        Map.of(copied, List.of("config api.A"), replicated, List.of("config api.B"), alone, List.of("config api.C")),
        Set.of(copied, replicated, alone));
    ProtectWindow region = window.inRegion(new MirrorCopies(ledger, "eu-central-1"));
    Ref.Secret copy = new Ref.Secret(arn + "prod/copied-Ab12Cd", "v1");
    assertThat(region.wanted()).containsOnlyKeys(copy);
    assertThat(region.ever()).containsExactly(copy);
  }
}
