package dev.phoenix.protect;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  /**
   * Asks the stores {@code concurrency} at a time; {@code done} counts references asked. Through the
   * keepers' reading views ({@link Keepers#reading}): the plan only reads, so each object's marks are
   * listed once for the whole plan, not once for every version of it the window pins (an S3 key with
   * thousands of pinned versions was listed thousands of times).
   */
  public static Plan of(ProtectWindow window, Keepers writing, String env, boolean prune, int concurrency,
      java.util.function.IntConsumer done) {
    Keepers keepers = writing.reading();
    List<Map.Entry<Ref, List<String>>> wanted = List.copyOf(window.wanted().entrySet());
    List<Action> asked = ObjectOrder.run(wanted, Map.Entry::getKey, e -> ask(e.getKey(), summary(e.getValue()), keepers, env),
        (e, x) -> new Action(Action.Kind.FAILED, e.getKey(), null, "could not check its protection: " + why(x)),
        concurrency, done);
    List<Action> actions = new ArrayList<>();
    int already = 0;
    for (Action a : asked) {
      if (a == null) {
        already++;
      } else {
        actions.add(a);
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
          if (window.wanted().containsKey(ProtectWindow.identity(k.ref()))) {
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

  /** The action one wanted reference needs, or null when it is already protected. */
  private static Action ask(Ref ref, String uses, Keepers keepers, String env) {
    Optional<Keeper> keeper = keepers.forRef(ref);
    if (keeper.isEmpty()) {
      return new Action(Action.Kind.UNSUPPORTED, ref, null,
          "Phoenix has no protection for this store (" + ref.store() + "); used by " + uses);
    }
    try {
      return keeper.get().isProtected(ref, env) ? null
          : new Action(Action.Kind.ADD, ref, keeper.get().mark(ref, env), "used by " + uses);
    } catch (PhoenixException x) {
      return new Action(Action.Kind.FAILED, ref, null, "could not check its protection: " + x.getMessage());
    }
  }

  /**
   * Applies ADD and REMOVE actions, {@code concurrency} store calls at a time, in order per object;
   * each failure becomes a FAILED action, the others still run. {@code done} counts actions.
   */
  public static List<Action> apply(Plan plan, Keepers keepers, String env, int concurrency,
      java.util.function.IntConsumer done) {
    return ObjectOrder.run(plan.actions(), Action::ref, a -> applyOne(a, keepers, env),
        (a, x) -> new Action(Action.Kind.FAILED, a.ref(), a.mark(), (a.kind() == Action.Kind.ADD ? "could not add: "
            : "could not remove: ") + why(x)), concurrency, done);
  }

  private static Action applyOne(Action a, Keepers keepers, String env) {
    if (a.kind() != Action.Kind.ADD && a.kind() != Action.Kind.REMOVE) {
      return a;
    }
    Keeper keeper = keepers.forRef(a.ref()).orElseThrow();
    try {
      if (a.kind() == Action.Kind.ADD) {
        keeper.protect(a.ref(), env);
        return a;
      } else if (keeper.release(new Keeper.Kept(a.ref(), a.mark()), env)) {
        return a;
      }
      return new Action(Action.Kind.STALE_KEPT, a.ref(), a.mark(), a.reason() + "; the store cannot remove it alone");
    } catch (PhoenixException x) {
      return new Action(Action.Kind.FAILED, a.ref(), a.mark(), (a.kind() == Action.Kind.ADD ? "could not add: " : "could not remove: ")
          + x.getMessage());
    }
  }

  /** A keeper's own failure says what happened; anything else is named by its type (its message may hold anything). */
  private static String why(RuntimeException x) {
    return x instanceof PhoenixException && x.getMessage() != null ? x.getMessage() : x.getClass().getSimpleName();
  }

  private static String summary(List<String> uses) {
    List<String> distinct = uses.stream().distinct().toList();
    return distinct.size() <= 3 ? String.join(", ", distinct)
        : String.join(", ", distinct.subList(0, 3)) + " and " + (distinct.size() - 3) + " more";
  }
}
