package dev.phoenix.promote;

import dev.phoenix.core.Durations;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an artefact's assurance trail meets a policy. For each required step only the
 * newest record of that step counts: a later failure cancels an earlier pass.
 */
public final class PolicyCheck {
  private PolicyCheck() {}

  /** What is missing, one line per unmet requirement; empty when the policy is met. */
  public static List<String> missing(Policy policy, Artefact artefact, Instant now) {
    List<String> out = new ArrayList<>();
    for (Policy.Requirement r : policy.require()) {
      if (!r.appliesTo(artefact.name())) {
        continue;
      }
      Optional<Assurance> newest = artefact.assurance().stream()
          .filter(a -> r.step().equals(a.step()))
          .max(Comparator.comparing(a -> a.at() == null ? Instant.MIN : a.at()));
      if (newest.isEmpty()) {
        out.add(r.step() + ": no record (needs result " + r.result() + ")");
        continue;
      }
      Assurance a = newest.get();
      if (!r.result().equals(a.result())) {
        out.add(r.step() + ": newest record is " + a.result() + " at " + a.at() + " (needs " + r.result() + ")");
        continue;
      }
      if (r.evidence() != null && (a.evidence() == null || !r.evidence().matcher(a.evidence()).matches())) {
        out.add(r.step() + ": evidence " + (a.evidence() == null ? "is missing" : "'" + a.evidence() + "'")
            + " does not match " + r.evidence().pattern());
      }
      if (a.at() == null) {
        continue;
      }
      Duration age = Duration.between(a.at(), now);
      if (r.minAge() != null && age.compareTo(r.minAge()) < 0) {
        out.add(r.step() + ": record is " + Durations.age(age)
            + " old, needs at least " + Durations.format(r.minAge()) + " (earliest " + a.at().plus(r.minAge()) + ")");
      }
      if (r.maxAge() != null && age.compareTo(r.maxAge()) > 0) {
        out.add(r.step() + ": record is " + Durations.age(age) + " old, at most "
            + Durations.format(r.maxAge()) + " allowed: run " + r.step() + " again");
      }
    }
    return out;
  }
}
