package dev.phoenix.protect;

import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what protect would change: a mark for every referenced version without one, and
 * (with prune) the removal of Phoenix's marks for this environment from versions no revision in
 * the window references. Asks the stores; changes nothing.
 */
public final class ProtectPlan {
  private ProtectPlan() {}

  public record Plan(List<Action> actions, int alreadyProtected) {
    public boolean failed() {
      return actions.stream().anyMatch(a -> a.kind() == Action.Kind.FAILED);
    }
  }

  public static Plan of(Window window, Keepers keepers, String env, boolean prune) {
    List<Action> actions = new ArrayList<>();
    int already = 0;
    for (var e : window.wanted().entrySet()) {
      Ref ref = e.getKey();
      String uses = summary(e.getValue());
      Optional<Keeper> keeper = keepers.forRef(ref);
      if (keeper.isEmpty()) {
        actions.add(new Action(Action.Kind.UNSUPPORTED, ref, null,
            "Phoenix has no protection for this store (" + ref.store() + "); used by " + uses));
        continue;
      }
      try {
        if (keeper.get().isProtected(ref, env)) {
          already++;
        } else {
          actions.add(new Action(Action.Kind.ADD, ref, keeper.get().mark(ref, env), "used by " + uses));
        }
      } catch (PhoenixException x) {
        actions.add(new Action(Action.Kind.FAILED, ref, null, "could not check its protection: " + x.getMessage()));
      }
    }
    if (prune) {
      Set<Ref> scope = new LinkedHashSet<>(window.ever());
      scope.addAll(window.wanted().keySet());
      for (Keeper keeper : keepers.all()) {
        List<Keeper.Kept> kept;
        try {
          kept = keeper.kept(scope.stream().filter(keeper::handles).toList(), env);
        } catch (PhoenixException x) {
          scope.stream().filter(keeper::handles).findFirst().ifPresent(r -> actions.add(new Action(Action.Kind.FAILED, r, null,
              "could not list existing protections in " + r.store() + ": " + x.getMessage())));
          continue;
        }
        for (Keeper.Kept k : kept) {
          if (window.wanted().containsKey(Window.identity(k.ref()))) {
            continue;
          }
          String why = "no revision since " + window.since() + " references it";
          actions.add(k.ref() instanceof Ref.Image
              ? new Action(Action.Kind.STALE_KEPT, k.ref(), k.mark(), why + "; left in place: the OCI API cannot delete"
                  + " a tag without the manifest (remove it with the registry's own tooling)")
              : new Action(Action.Kind.REMOVE, k.ref(), k.mark(), why));
        }
      }
    }
    return new Plan(List.copyOf(actions), already);
  }

  /** Applies ADD and REMOVE actions; each failure becomes a FAILED action, the others still run. */
  public static List<Action> apply(Plan plan, Keepers keepers, String env) {
    List<Action> done = new ArrayList<>();
    for (Action a : plan.actions()) {
      if (a.kind() != Action.Kind.ADD && a.kind() != Action.Kind.REMOVE) {
        done.add(a);
        continue;
      }
      Keeper keeper = keepers.forRef(a.ref()).orElseThrow();
      try {
        if (a.kind() == Action.Kind.ADD) {
          keeper.protect(a.ref(), env);
          done.add(a);
        } else if (keeper.release(new Keeper.Kept(a.ref(), a.mark()), env)) {
          done.add(a);
        } else {
          done.add(new Action(Action.Kind.STALE_KEPT, a.ref(), a.mark(), a.reason() + "; the store cannot remove it alone"));
        }
      } catch (PhoenixException x) {
        done.add(new Action(Action.Kind.FAILED, a.ref(), a.mark(), (a.kind() == Action.Kind.ADD ? "could not add: " : "could not remove: ")
            + x.getMessage()));
      }
    }
    return done;
  }

  private static String summary(List<String> uses) {
    List<String> distinct = uses.stream().distinct().toList();
    return distinct.size() <= 3 ? String.join(", ", distinct)
        : String.join(", ", distinct.subList(0, 3)) + " and " + (distinct.size() - 3) + " more";
  }
}
