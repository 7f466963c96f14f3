package dev.phoenix.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProtectPlanTest {
  private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

  /** Parameters whose even versions carry the mark; listed through the reading view only. */
  private static final class Store implements Keeper {
    final AtomicInteger listings = new AtomicInteger();
    final Map<String, Set<Long>> listed = new ConcurrentHashMap<>();

    @Override
    public boolean handles(Ref ref) {
      return ref instanceof Ref.Ssm;
    }

    @Override
    public String mark(Ref ref, String env) {
      return "label phoenix-keep-" + env;
    }

    @Override
    public boolean isProtected(Ref ref, String env) {
      throw new AssertionError("the plan asked the writing keeper about " + ref.id());
    }

    @Override
    public Keeper reading() {
      Store store = this;
      return new ReadingKeeper(new Keeper() {
        @Override
        public boolean handles(Ref ref) {
          return store.handles(ref);
        }

        @Override
        public String mark(Ref ref, String env) {
          return store.mark(ref, env);
        }

        @Override
        public boolean isProtected(Ref ref, String env) {
          Ref.Ssm p = (Ref.Ssm) ref;
          return listed.computeIfAbsent(p.name(), name -> {
            listings.incrementAndGet(); // one listing of the parameter's history: every version with its labels
            Set<Long> marked = ConcurrentHashMap.newKeySet();
            for (long v = 0; v <= 1_000; v += 2) {
              marked.add(v);
            }
            return marked;
          }).contains(p.version());
        }

        @Override
        public void protect(Ref ref, String env) {
          throw new AssertionError("a plan writes nothing");
        }

        @Override
        public List<Kept> kept(Collection<Ref> scope, String env) {
          return List.of();
        }

        @Override
        public boolean release(Kept kept, String env) {
          throw new AssertionError("a plan writes nothing");
        }
      });
    }

    @Override
    public void protect(Ref ref, String env) {
      throw new AssertionError("a plan writes nothing");
    }

    @Override
    public List<Kept> kept(Collection<Ref> scope, String env) {
      throw new AssertionError("the plan listed kept marks through the writing keeper");
    }

    @Override
    public boolean release(Kept kept, String env) {
      throw new AssertionError("a plan writes nothing");
    }
  }

  @Test
  void thePlanAsksThroughTheReadingViewsSoEachObjectIsListedOnce() {
    Map<Ref, List<String>> wanted = new LinkedHashMap<>();
    for (long v = 1; v <= 600; v++) {
      wanted.put(new Ref.Ssm("/shop/api", v), List.of("config api.A"));
    }
    wanted.put(new Ref.Ssm("/shop/web", 7), List.of("config web.A"));
    ProtectWindow window = new ProtectWindow(AT, List.of(), wanted, Set.copyOf(wanted.keySet()));
    Store store = new Store();

    ProtectPlan.Plan plan = ProtectPlan.of(window, Keepers.of(List.of(store)), "prod", true, 8, n -> { });

    assertThat(plan.failed()).as(plan.actions().toString()).isFalse();
    assertThat(plan.alreadyProtected()).isEqualTo(300); // the even versions of /shop/api
    assertThat(plan.actions()).hasSize(301).allMatch(a -> a.kind() == Action.Kind.ADD);
    assertThat(store.listings.get()).isEqualTo(2); // /shop/api once for its 600 versions, /shop/web once
  }
}
