package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which shard checks a reference, and which shard a run is. */
class ShardTest {
  @Test
  void everyReferenceFallsToExactlyOneShardTheSameOnEveryRunAndTheShardsShareTheWork() {
    int[] per = new int[4];
    for (int i = 0; i < 4000; i++) {
      Ref ref = new Ref.Ssm("/app/param-" + i, i % 7 + 1);
      int owners = 0;
      for (int s = 0; s < 4; s++) {
        owners += new Shard(s, 4).owns(ref) ? 1 : 0;
      }
      assertThat(owners).isEqualTo(1);
      per[Shard.of(ref, 4)]++;
    }
    for (int n : per) {
      assertThat(n).isBetween(850, 1150);
    }
    // fixed by SHA-256 of the id, not by the JVM's hashCode: a change here would split one run's shards
    assertThat(Shard.of("registry.example.com/app@sha256:" + "a".repeat(64), 4)).isEqualTo(
        Shard.of("registry.example.com/app@sha256:" + "a".repeat(64), 4));
    assertThat(List.of(Shard.of("x", 1), Shard.of("y", 1))).containsOnly(0);
  }

  @Test
  void theShardComesFromTheOptionOrFromTheIndexOfAKubernetesOrBatchJobWithTheCountGiven() {
    assertThat(Shard.resolve("2/4", null, Map.of())).contains(new Shard(2, 4));
    assertThat(Shard.resolve(null, 4, Map.of("JOB_COMPLETION_INDEX", "3"))).contains(new Shard(3, 4));
    assertThat(Shard.resolve(null, null, Map.of("PHOENIX_SHARDS", "8", "AWS_BATCH_JOB_ARRAY_INDEX", "7")))
        .contains(new Shard(7, 8));
    assertThat(Shard.resolve(null, null, Map.of("JOB_COMPLETION_INDEX", "3"))).isEmpty(); // no count: not sharded
    Map<String, String> none = new HashMap<>();
    assertThatThrownBy(() -> Shard.resolve(null, 4, none)).isInstanceOf(PhoenixException.class)
        .hasMessageContaining("--shards says 4 shards but this run's index is not known");
    assertThatThrownBy(() -> Shard.resolve("4/4", null, none)).hasMessageContaining("shard 4/4 does not exist");
    assertThatThrownBy(() -> Shard.resolve("1/4", 3, none)).hasMessageContaining("names 4 shards but --shards says 3");
    assertThatThrownBy(() -> Shard.resolve("one/4", null, none)).hasMessageContaining("--shard 'one' is not a whole number");
    assertThatThrownBy(() -> Shard.resolve(null, 2, Map.of("JOB_COMPLETION_INDEX", "2")))
        .hasMessageContaining("shard 2/2 does not exist");
  }
}
