package dev.phoenix.rebuild;

import java.util.ArrayList;
import java.util.List;

/** A target that builds nothing and remembers what it was asked. */
final class RecordingTarget implements Target {
  final List<String> calls = new ArrayList<>();
  RebuildOutcome outcome = RebuildOutcome.PLANNED;

  @Override
  public String name() {
    return "test";
  }

  @Override
  public Prepared synthesize(Resolved resolved, TargetContext context) {
    calls.add("synthesize " + resolved.commit());
    return new Prepared(List.of(), false, List.of(), List.of("nothing to build"));
  }

  @Override
  public Deployed deploy(Resolved resolved, Prepared prepared, TargetContext context) {
    calls.add("deploy apply=" + context.apply());
    return new Deployed(outcome, List.of(), outcome == RebuildOutcome.FAILED ? "it broke" : null);
  }
}
