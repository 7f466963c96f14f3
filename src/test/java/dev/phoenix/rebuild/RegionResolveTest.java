package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.MirrorLedger;
import dev.phoenix.model.S3ObjectVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estate at D moved to a mirror region through the ledger: every locator its copy's, the rest named. */
class RegionResolveTest {
  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);
  static final String SHA = "ab".repeat(32);
  static final String EUC1 = "eu-central-1";
  static final Instant AT = Instant.parse("2026-12-03T08:40:00Z");

  static Estate estate() {
    Map<String, Artefact> artefacts = new LinkedHashMap<>();
    artefacts.put("api", new Artefact.ContainerImage("api", "1.0.0-1-abc", ImageReference.of("reg.euw2.example/payments/api:1.0@" + D1), null, List.of()));
    artefacts.put("worker", new Artefact.ContainerImage("worker", "1.0.0-1-abc", ImageReference.of("reg.euw2.example/payments/worker@" + D2), null, List.of()));
    artefacts.put("fn", new Artefact.LambdaPackage("fn", "2.0.0-1-abc", new S3ObjectVersion("art-euw2", "fn/a b.zip", "v7", SHA), null, List.of()));
    artefacts.put("ami", new Artefact.MachineImage("ami", "3.0.0-1-abc", "ami-0123456789abcdef0", "eu-west-2", null, List.of()));
    Map<String, Map<String, ConfigSource>> config = new LinkedHashMap<>();
    Map<String, ConfigSource> vars = new LinkedHashMap<>();
    vars.put("DB", new ConfigSource.SsmParameter("/prod/db", 7));
    vars.put("KEY", new ConfigSource.SecretVersion("prod/key", "v-1"));
    vars.put("MODE", new ConfigSource.PlainValue("drill"));
    config.put("api", vars);
    return new Estate(new Lockfile("prod", List.of(), artefacts, config), List.of());
  }

  static MirrorLedger ledger() {
    List<MirrorLedger.Entry> e = new ArrayList<>();
    e.add(new MirrorLedger.Entry(EUC1, MirrorLedger.Kind.IMAGE, "reg.euw2.example/payments/api@" + D1,
        "reg.euc1.example/payments/api@" + D1, D1, AT, 3));
    e.add(new MirrorLedger.Entry(EUC1, MirrorLedger.Kind.S3, "s3://art-euw2/fn/a b.zip?versionId=v7",
        "s3://art-euc1/fn/a b.zip?versionId=x9", "sha256:" + SHA, AT, 4));
    e.add(new MirrorLedger.Entry(EUC1, MirrorLedger.Kind.SSM, "ssm:/prod/db:7", "ssm:/prod/db:2", "-", AT, 5));
    e.add(new MirrorLedger.Entry(EUC1, MirrorLedger.Kind.SECRET, "secret:prod/key@v-1",
        "secret:arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/key-AbCdEf@v-1", "-", AT, 6));
    e.add(new MirrorLedger.Entry(EUC1, MirrorLedger.Kind.AMI, "ami-0123456789abcdef0 (eu-west-2)",
        "ami-0fedcba9876543210 (eu-central-1)", "-", AT, 7));
    // another region's copy of the worker does not count in eu-central-1
    e.add(new MirrorLedger.Entry("us-east-1", MirrorLedger.Kind.IMAGE, "reg.euw2.example/payments/worker@" + D2,
        "reg.use1.example/payments/worker@" + D2, D2, AT, 8));
    return new MirrorLedger(e);
  }

  @Test
  void everyReferenceBecomesItsCopyInTheRegionAndTheUncopiedAreNamedWithTheirUsages() {
    RegionResolve.Result r = RegionResolve.of(estate(), new MirrorCopies(ledger(), EUC1));
    Lockfile lock = r.estate().lockfile();
    Artefact.ContainerImage api = (Artefact.ContainerImage) lock.artefacts().get("api");
    assertThat(api.image().toString()).isEqualTo("reg.euc1.example/payments/api:1.0@" + D1);
    assertThat(api.image().digestReference()).isEqualTo("reg.euc1.example/payments/api@" + D1);
    Artefact.LambdaPackage fn = (Artefact.LambdaPackage) lock.artefacts().get("fn");
    assertThat(fn.s3()).isEqualTo(new S3ObjectVersion("art-euc1", "fn/a b.zip", "x9", SHA));
    Artefact.MachineImage ami = (Artefact.MachineImage) lock.artefacts().get("ami");
    assertThat(ami.ami()).isEqualTo("ami-0fedcba9876543210");
    assertThat(ami.region()).isEqualTo(EUC1);
    assertThat(lock.config().get("api").get("DB")).isEqualTo(new ConfigSource.SsmParameter("/prod/db", 2));
    assertThat(lock.config().get("api").get("KEY")).isEqualTo(new ConfigSource.SecretVersion(
        "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/key-AbCdEf", "v-1"));
    assertThat(lock.config().get("api").get("MODE")).isEqualTo(new ConfigSource.PlainValue("drill"));

    // the worker has no copy in eu-central-1: named with where it is used, left as pinned
    assertThat(r.uncopied()).hasSize(1);
    Map.Entry<Ref, List<String>> worker = r.uncopied().entrySet().iterator().next();
    assertThat(worker.getKey().id()).isEqualTo("reg.euw2.example/payments/worker@" + D2);
    assertThat(worker.getValue()).containsExactly("worker");
    assertThat(((Artefact.ContainerImage) lock.artefacts().get("worker")).image().registry()).isEqualTo("reg.euw2.example");
    // nothing else changed
    assertThat(lock.environment()).isEqualTo("prod");
    assertThat(lock.artefacts().keySet()).containsExactly("api", "worker", "fn", "ami");
  }

  @Test
  void anEmptyLedgerLeavesEveryReferenceUncopied() {
    RegionResolve.Result r = RegionResolve.of(estate(), new MirrorCopies(MirrorLedger.empty(), EUC1));
    assertThat(r.uncopied()).hasSize(6);
    assertThat(r.estate().lockfile()).isEqualTo(estate().lockfile());
  }

  @Test
  void preflightInTheRegionAsksNoStoreAboutTheUncopiedAndNamesEveryOne() {
    RegionResolve.Result r = RegionResolve.of(estate(), new MirrorCopies(ledger(), EUC1));
    List<Ref> asked = new ArrayList<>();
    Preflight preflight = new Preflight(List.of(PreflightTest.checker(ref -> {
      synchronized (asked) {
        asked.add(ref);
      }
      return true;
    }, () -> { })));
    Resolved.InRegion region = new Resolved.InRegion(EUC1, r.uncopied(), "not mirrored: run phoenix mirror --env prod --to " + EUC1);
    var refs = dev.phoenix.check.Refs.of(r.estate().lockfile()).keySet();
    Preflight.Result pre = preflight.check(refs, CheckOptions.defaults(), region);
    assertThat(pre.findings()).hasSize(6);
    assertThat(pre.breaking()).hasSize(1);
    assertThat(pre.breaking().get(0).getValue().reason()).isEqualTo("not mirrored: run phoenix mirror --env prod --to eu-central-1");
    assertThat(pre.count(Status.OK)).isEqualTo(5);
    assertThat(asked).noneMatch(ref -> ref.id().contains("euw2") || ref.id().contains("eu-west-2"));
    assertThat(RegionResolve.stopped(region)).isEqualTo(" in eu-central-1 (1 without a copy there: reg.euw2.example/payments/worker@" + D2 + ")");
  }
}
