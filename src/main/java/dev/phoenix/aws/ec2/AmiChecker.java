package dev.phoenix.aws.ec2;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.RefGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AMIs: DescribeImages grouped by region, up to 100 ids a call, split when EC2 rejects a batch. */
public final class AmiChecker implements RefChecker {
  private final Ec2Service service;

  AmiChecker(Ec2Service service) {
    this.service = service;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Ami;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Map<String, List<Ref.Ami>> byRegion = RefGroups.of(refs, Ref.Ami.class, Ref.Ami::region);
    List<Checks.Job> jobs = new ArrayList<>();
    byRegion.forEach((region, amis) -> {
      for (int i = 0; i < amis.size(); i += AmiLookup.BATCH) {
        List<Ref.Ami> batch = List.copyOf(amis.subList(i, Math.min(amis.size(), i + AmiLookup.BATCH)));
        jobs.add(new Checks.Job("ec2:" + region, List.copyOf(batch), () -> checkRegion(region, batch)));
      }
    });
    return Checks.jobs(refs, jobs, options);
  }

  Map<Ref, Finding> checkRegion(String region, List<Ref.Ami> amis) {
    AmiLookup.Result result;
    try {
      result = service.lookup(region).lookup(amis.stream().map(Ref.Ami::amiId).toList());
    } catch (AwsException e) {
      return Checks.all(amis, Finding.unknown(e.getMessage()));
    }
    Instant now = Instant.now();
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref.Ami ami : amis) {
      AmiInfo info = result.found().get(ami.amiId());
      out.put(ami, info != null ? AmiFindings.of(info, now)
          : AmiFindings.absent(ami.amiId(), region, result.absent().getOrDefault(ami.amiId(), "absent")));
    }
    return out;
  }
}
