package dev.phoenix.protect;

import dev.phoenix.check.Ref;
import java.time.Instant;
import java.util.List;

/**
 * A protect run: the window it covered (from {@code since}, {@code days} long, rounded up), the
 * plan, and the actions as done ({@code applied}) or as they would be done (a dry run).
 */
public record ProtectResult(
    String environment, Instant since, long days, ProtectWindow window, ProtectPlan.Plan plan, List<Action> actions,
    boolean applied) {

  /** Some store could not be asked or refused a change. */
  public boolean failed() {
    return actions.stream().anyMatch(a -> a.kind() == Action.Kind.FAILED);
  }

  /** Marks added or removed (or that would be). */
  public long changes() {
    return actions.stream().filter(a -> a.kind() == Action.Kind.ADD || a.kind() == Action.Kind.REMOVE).count();
  }

  /** The window pins container images: the ECR lifecycle rule applies. */
  public boolean images() {
    return window.wanted().keySet().stream().anyMatch(r -> r instanceof Ref.Image);
  }

  /** The window pins machine images: the Recycle Bin rule applies. */
  public boolean amis() {
    return window.wanted().keySet().stream().anyMatch(r -> r instanceof Ref.Ami);
  }
}
