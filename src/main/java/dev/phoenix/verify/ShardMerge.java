package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code phoenix verify --merge}: the shards of one run combined into exactly the result one
 * unsharded run gives. The window's revisions are read again from the repository at the commit the
 * shards read (the same walk, so the same revisions, intervals and summaries), and each unique
 * reference takes the finding of the shard that owns it. Shards of different runs (HEAD, window,
 * environments, options, shard count), a shard given twice, a missing shard, or a shard without a
 * finding it owes are refused, named.
 */
public final class ShardMerge {
  private ShardMerge() {}

  /** A shard's report and the file it came from. */
  public record Part(String file, ShardRun run) {}

  public static VerifyResult merge(GitRepository git, List<Part> parts) {
    if (parts.isEmpty()) {
      throw PhoenixException.input("--merge needs the shards' JSON reports", "give every shard's report: --merge A.json B.json …");
    }
    Part first = parts.get(0);
    ShardRun.Key key = first.run().key();
    List<String> problems = new ArrayList<>();
    Map<Integer, Part> byIndex = new TreeMap<>();
    for (Part p : parts) {
      List<String> diff = key.differences(p.run().key());
      if (!diff.isEmpty()) {
        problems.add(p.file() + " is a shard of another run than " + first.file() + ": " + String.join(", ", diff));
        continue;
      }
      Part earlier = byIndex.putIfAbsent(p.run().shard().index(), p);
      if (earlier != null) {
        problems.add(p.file() + " and " + earlier.file() + " are both shard " + p.run().shard());
      }
    }
    if (problems.isEmpty()) {
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < key.shards(); i++) {
        if (!byIndex.containsKey(i)) {
          missing.add(i + "/" + key.shards());
        }
      }
      if (!missing.isEmpty()) {
        problems.add("missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
            + " of the run at HEAD " + key.head() + " (" + key.asked() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw PhoenixException.input(String.join("\n  ", problems),
          "give exactly one JSON report of every shard 0.." + (key.shards() - 1) + " of one run");
    }
    String head = git.head().map(c -> c.id()).orElse("(no commit)");
    if (!head.equals(key.head())) {
      throw PhoenixException.input("the shards read history at " + key.head() + " but the repository's HEAD is " + head,
          "merge in a checkout of " + key.head() + " (git checkout " + key.head() + ")");
    }
    VerifyRequest request = new VerifyRequest(key.environments(), false, key.window(), key.deep(), 1,
        VerifyRequest.DEFAULT_DEADLINE, Set.of(), key.strict());
    Map<String, List<EnvRevision>> byEnv = Verifier.revisions(git, request, key.now());
    Verifier.Tally tally = Verifier.Tally.of(byEnv);
    Set<Ref> unique = tally.unique();
    int uses = tally.uses();
    int count = tally.count();
    Map<Ref, Finding> findings = new LinkedHashMap<>();
    Map<String, Map<Ref, Finding>> seen = new LinkedHashMap<>();
    byEnv.keySet().forEach(env -> seen.put(env, new LinkedHashMap<>()));
    Set<String> owed = new LinkedHashSet<>();
    for (Ref ref : unique) {
      Part owner = byIndex.get(Shard.of(ref, key.shards()));
      Finding f = owner.run().findings().get(ref.id());
      owed.add(ref.id());
      if (f == null) {
        problems.add(owner.file() + " (shard " + owner.run().shard() + ") has no finding for " + ref.id());
        continue;
      }
      findings.put(ref, f);
      for (String env : byEnv.keySet()) {
        Map<String, Finding> differs = owner.run().perEnvironment().getOrDefault(env, Map.of());
        seen.get(env).put(ref, differs.getOrDefault(ref.id(), f));
      }
    }
    for (Part p : byIndex.values()) {
      p.run().findings().keySet().stream().filter(id -> !owed.contains(id)).findFirst().ifPresent(id -> problems.add(
          p.file() + " (shard " + p.run().shard() + ") has a finding for " + id + ", which this run's window does not use"));
    }
    if (!problems.isEmpty()) {
      throw PhoenixException.input(String.join("\n  ", problems),
          "give the reports the shards of this run wrote, unedited");
    }
    Duration elapsed = max(parts, ShardRun::elapsed);
    VerifyResult.Stats stats = new VerifyResult.Stats(count, uses, unique.size(),
        VerifyResult.Stats.count(findings.values().stream().map(Finding::status).toList()), elapsed,
        max(parts, ShardRun::reading), max(parts, ShardRun::checking));
    Map<String, List<DataReport>> data = byIndex.get(ShardRun.DATA_SHARD).run().data();
    return Verifier.assemble(byEnv, key.window(), seen, data, stats, key.deep(), key.strict(), key.now(), key.now());
  }

  private static Duration max(List<Part> parts, java.util.function.Function<ShardRun, Duration> of) {
    return parts.stream().map(p -> of.apply(p.run())).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
  }
}
