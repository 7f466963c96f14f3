package dev.phoenix.aws.ssm;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.aws.AwsException;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.RefGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * SSM parameter versions: one paginated GetParameterHistory (WithDecryption=false) per parameter
 * name, shared by every pinned version of it, in whichever batch of the run it turns up (the
 * listing is kept for this checker's life: {@code Stores} makes one per run). Nothing is decrypted;
 * no value is read.
 */
public final class SsmChecker implements RefChecker {
  private final SsmHistory history;
  private final AskedOnce<String, SortedMap<Long, List<String>>> listings = new AskedOnce<>();

  SsmChecker(SsmHistory history) {
    this.history = history;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Ssm;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Map<String, List<Ref.Ssm>> byName = RefGroups.of(refs, Ref.Ssm.class, Ref.Ssm::name);
    List<Checks.Job> jobs = new ArrayList<>();
    byName.forEach((name, pins) -> jobs.add(new Checks.Job("ssm", List.copyOf(pins), () -> checkName(name, pins))));
    return Checks.jobs(refs, jobs, options);
  }

  Map<Ref, Finding> checkName(String name, List<Ref.Ssm> pins) {
    SortedMap<Long, List<String>> versions;
    try {
      versions = listings.get(name, () -> history.versions(name));
    } catch (AwsException e) {
      return Checks.all(pins, e.notFound()
          ? Finding.missing("parameter " + name + " not found") : Finding.unknown(e.getMessage()));
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref.Ssm pin : pins) {
      out.put(pin, SsmFindings.of(pin.version(), versions));
    }
    return out;
  }
}
