package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * One part of a run spread over {@code count} machines: shard {@code index} (0-based, as
 * Kubernetes' {@code JOB_COMPLETION_INDEX} and AWS Batch's {@code AWS_BATCH_JOB_ARRAY_INDEX} count)
 * checks the unique references whose stable hash (the first 8 bytes of SHA-256 of the reference's
 * id, modulo {@code count}) is {@code index}; every shard reads the whole history. The same
 * reference falls to the same shard on every machine, every run, every JVM.
 */
public record Shard(int index, int count) {
  public static final int MAX = 10_000;
  public static final String INDEX_VARIABLES = "JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX";

  public Shard {
    if (count < 1 || count > MAX || index < 0 || index >= count) {
      throw PhoenixException.input("shard " + index + "/" + count + " does not exist",
          "give I/N with 0 <= I < N <= " + MAX + " (shards count from 0)");
    }
  }

  /** The shard that checks {@code ref} in a run of {@code count} shards. */
  public static int of(Ref ref, int count) {
    return of(ref.id(), count);
  }

  /** The shard that checks the reference with this id. */
  public static int of(String refId, int count) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(refId.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return (int) Math.floorMod(v, (long) count);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  public boolean owns(Ref ref) {
    return of(ref, count) == index;
  }

  /** "2/4". */
  @Override
  public String toString() {
    return index + "/" + count;
  }

  /**
   * The shard this run is: {@code --shard I/N}; else, when a count is given ({@code --shards N} or
   * {@code PHOENIX_SHARDS}), the index from {@code JOB_COMPLETION_INDEX} (a Kubernetes Indexed Job)
   * or {@code AWS_BATCH_JOB_ARRAY_INDEX} (an AWS Batch array job); empty: not sharded.
   */
  public static Optional<Shard> resolve(String shardOption, Integer shardsOption, Map<String, String> env) {
    Integer count = shardsOption;
    String countFrom = "--shards";
    if (count == null && env.get("PHOENIX_SHARDS") != null && !env.get("PHOENIX_SHARDS").isBlank()) {
      count = number(env.get("PHOENIX_SHARDS"), "PHOENIX_SHARDS");
      countFrom = "PHOENIX_SHARDS";
    }
    if (shardOption != null) {
      String[] parts = shardOption.trim().split("/", -1);
      if (parts.length != 2) {
        throw PhoenixException.input("--shard " + shardOption + " is not I/N", "e.g. --shard 0/4 (shards count from 0)");
      }
      Shard s = new Shard(number(parts[0], "--shard"), number(parts[1], "--shard"));
      if (count != null && count != s.count()) {
        throw PhoenixException.input("--shard " + shardOption + " names " + s.count() + " shards but " + countFrom
            + " says " + count, "give the same count, or only one of them");
      }
      return Optional.of(s);
    }
    if (count == null) {
      return Optional.empty();
    }
    for (String variable : new String[] {"JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"}) {
      String v = env.get(variable);
      if (v != null && !v.isBlank()) {
        return Optional.of(new Shard(number(v, variable), count));
      }
    }
    throw PhoenixException.input(countFrom + " says " + count + " shards but this run's index is not known",
        "give --shard I/" + count + ", or run as a Kubernetes Indexed Job or an AWS Batch array job ("
            + INDEX_VARIABLES + ")");
  }

  private static int number(String text, String source) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw PhoenixException.input(source + " '" + text + "' is not a whole number",
          "e.g. --shard 0/4, --shards 4, PHOENIX_SHARDS=4");
    }
  }
}
