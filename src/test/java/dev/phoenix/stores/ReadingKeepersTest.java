package dev.phoenix.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The wrappers hand out their keepers' reading views: a lazy keeper's is built on first use from
 * the one keeper it builds, a regional keeper's is one view per region, and a reading view refuses
 * to write. The keepers below are fakes of the interface that count what is made and asked (the
 * views' single reads against moto: VerifyProtectionAwsIT).
 */
class ReadingKeepersTest {
  /** A fake keeper whose reading view counts the views made and remembers nothing itself. */
  static final class Counted implements Keeper {
    final AtomicInteger views;
    final String region;
    final List<String> asked = new ArrayList<>();

    Counted(String region, AtomicInteger views) {
      this.region = region;
      this.views = views;
    }

    @Override
    public boolean handles(Ref ref) {
      return ref instanceof Ref.RdsSnapshot;
    }

    @Override
    public String mark(Ref ref, String env) {
      return "tag phoenix-keep-" + env;
    }

    @Override
    public boolean isProtected(Ref ref, String env) {
      asked.add(region + " " + env);
      return env.equals("prod");
    }

    @Override
    public void protect(Ref ref, String env) {
      asked.add("protect " + env);
    }

    @Override
    public List<Kept> kept(Collection<Ref> scope, String env) {
      return List.of();
    }

    @Override
    public boolean release(Kept kept, String env) {
      return true;
    }

    @Override
    public Keeper reading() {
      views.incrementAndGet();
      return new ReadingKeeper(this);
    }
  }

  static Ref.RdsSnapshot snapshot(String region) {
    return new Ref.RdsSnapshot("arn:aws:rds:" + region + ":123456789012:snapshot:ledger-1");
  }

  @Test
  void aRegionalKeeperReadsThroughOneViewPerRegionAndItsViewDoesNotWrite() {
    AtomicInteger views = new AtomicInteger();
    Map<String, Counted> made = new ConcurrentHashMap<>();
    RegionalKeeper<Ref.RdsSnapshot> keeper = new RegionalKeeper<>(Ref.RdsSnapshot.class, Ref.RdsSnapshot::region,
        region -> made.computeIfAbsent(region, r -> new Counted(r, views)));
    Keeper reading = keeper.reading();
    for (String env : List.of("dev", "prod", "staging")) {
      for (String region : List.of("eu-west-1", "us-east-1")) {
        assertThat(reading.isProtected(snapshot(region), env)).isEqualTo(env.equals("prod"));
      }
    }
    assertThat(views.get()).as("one view per region").isEqualTo(2);
    assertThat(made.get("eu-west-1").asked).containsExactly("eu-west-1 dev", "eu-west-1 prod", "eu-west-1 staging");
    assertThatThrownBy(() -> reading.protect(snapshot("eu-west-1"), "dev"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not write");
    assertThatThrownBy(() -> reading.release(new Keeper.Kept(snapshot("eu-west-1"), "tag"), "dev"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(made.get("eu-west-1").asked).doesNotContain("protect dev");
    keeper.protect(snapshot("eu-west-1"), "dev"); // the keeper itself still writes
    assertThat(made.get("eu-west-1").asked).contains("protect dev");
  }

  @Test
  void aLazyKeepersViewIsBuiltOnFirstUseFromTheOneKeeperItBuilds() {
    AtomicInteger views = new AtomicInteger();
    AtomicInteger built = new AtomicInteger();
    LazyKeeper keeper = new LazyKeeper(Ref.RdsSnapshot.class, () -> {
      built.incrementAndGet();
      return new Counted("eu-west-1", views);
    });
    Keeper reading = keeper.reading();
    assertThat(built.get()).as("nothing built before the first question").isZero();
    assertThat(reading.isProtected(snapshot("eu-west-1"), "prod")).isTrue();
    assertThat(reading.isProtected(snapshot("eu-west-1"), "dev")).isFalse();
    assertThat(keeper.isProtected(snapshot("eu-west-1"), "dev")).isFalse();
    assertThat(built.get()).as("one keeper for the lazy keeper and its view").isEqualTo(1);
    assertThat(views.get()).isEqualTo(1);
  }
}
