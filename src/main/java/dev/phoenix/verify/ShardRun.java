package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one shard of a run found: the run it belongs to ({@link Key}: every shard of one run has the
 * same), its findings by reference id for the unique references it owns, and for
 * {@code --check-protection} the findings that differ per environment (OK but unprotected there).
 * {@code data}: the datastores' RPO coverage per environment, computed by the first shard only
 * ({@link #DATA_SHARD}; every other shard carries none), so the merge has it once.
 */
public record ShardRun(Shard shard, Key key, Map<String, Finding> findings,
    Map<String, Map<String, Finding>> perEnvironment, int revisions, int uses, int unique, Duration elapsed,
    Duration reading, Duration checking, Map<String, List<DataReport>> data) {

  /** The shard that lists and checks the datastores' backups for the whole run. */
  public static final int DATA_SHARD = 0;

  /** Without data reports (a shard other than {@link #DATA_SHARD}, or a run without datastores). */
  public ShardRun(Shard shard, Key key, Map<String, Finding> findings, Map<String, Map<String, Finding>> perEnvironment,
      int revisions, int uses, int unique, Duration elapsed, Duration reading, Duration checking) {
    this(shard, key, findings, perEnvironment, revisions, uses, unique, elapsed, reading, checking, Map.of());
  }

  public ShardRun {
    findings = Map.copyOf(findings);
    perEnvironment = Map.copyOf(perEnvironment);
    Map<String, List<DataReport>> copy = new java.util.LinkedHashMap<>();
    (data == null ? Map.<String, List<DataReport>>of() : data).forEach((env, list) -> copy.put(env, List.copyOf(list)));
    data = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * What makes shards parts of one run: the commit history was read at ({@code head}), the
   * environments, the window and the moment it was anchored at ({@code now}), and how it checked.
   */
  public record Key(String head, List<String> environments, Instant from, Instant to, String asked,
      boolean untilNow, Instant now, boolean deep, boolean strict, boolean protection, int shards) {

    public Key {
      environments = List.copyOf(environments);
    }

    public VerifyWindow window() {
      return new VerifyWindow(from, to, asked, untilNow);
    }

    /** The fields in which {@code other} differs, named as a person reads them. */
    public List<String> differences(Key other) {
      List<String> out = new java.util.ArrayList<>();
      diff(out, "HEAD", head, other.head);
      diff(out, "environments", environments, other.environments);
      diff(out, "window", asked + " " + from + ".." + to, other.asked + " " + other.from + ".." + other.to);
      diff(out, "anchored at", now, other.now);
      diff(out, "--deep", deep, other.deep);
      diff(out, "--strict", strict, other.strict);
      diff(out, "--check-protection", protection, other.protection);
      diff(out, "shard count", shards, other.shards);
      return out;
    }

    private static void diff(List<String> out, String name, Object a, Object b) {
      if (!java.util.Objects.equals(a, b)) {
        out.add(name + " " + a + " vs " + b);
      }
    }
  }
}
