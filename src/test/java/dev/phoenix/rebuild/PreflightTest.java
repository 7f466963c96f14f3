package dev.phoenix.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Preflight runs on the same runner as verify: stores side by side, the same UNKNOWN wording. */
class PreflightTest {
  /** Handles what {@code handles} accepts; before answering, runs {@code first}. */
  static RefChecker checker(Predicate<Ref> handles, Runnable first) {
    return new RefChecker() {
      @Override
      public boolean handles(Ref ref) {
        return handles.test(ref);
      }

      @Override
      public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
        first.run();
        Map<Ref, Finding> out = new LinkedHashMap<>();
        refs.forEach(r -> out.put(r, Finding.ok()));
        return out;
      }
    };
  }

  static boolean await(CountDownLatch latch) {
    try {
      return latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void storesAreCheckedSideBySideNotOneAfterAnother() {
    CountDownLatch ssmAsked = new CountDownLatch(1);
    boolean[] ssmAskedWhileS3Waited = new boolean[1];
    RefChecker s3 = checker(r -> r instanceof Ref.S3Object, () -> ssmAskedWhileS3Waited[0] = await(ssmAsked));
    RefChecker ssm = checker(r -> r instanceof Ref.Ssm, ssmAsked::countDown);
    List<Ref> refs = List.of(new Ref.S3Object("b", "k", "v", null), new Ref.Ssm("/p", 1));

    Preflight.Result result = new Preflight(List.of(s3, ssm)).check(refs, CheckOptions.defaults());

    assertThat(ssmAskedWhileS3Waited[0]).as("the second store was asked while the first was still busy").isTrue();
    assertThat(result.count(Status.OK)).isEqualTo(2);
    assertThat(result.findings().keySet()).containsExactlyElementsOf(refs);
  }

  @Test
  void whatTheDeadlineLeavesIsUnknownWithVerifysWording() {
    CountDownLatch never = new CountDownLatch(1);
    RefChecker hangs = checker(r -> r instanceof Ref.Ssm, () -> await(never));
    RefChecker quick = checker(r -> r instanceof Ref.S3Object, () -> {});
    Ref ssm = new Ref.Ssm("/p", 1);
    Ref s3 = new Ref.S3Object("b", "k", "v", null);
    Ref secret = new Ref.Secret("s", "v");
    CheckOptions options = new CheckOptions(false, 4, Instant.now().plusSeconds(1), Set.of(), r -> {});

    Preflight.Result result = new Preflight(List.of(hangs, quick)).check(List.of(ssm, s3, secret), options);

    assertThat(result.findings()).containsEntry(ssm, Checks.DEADLINE).containsEntry(s3, Finding.ok())
        .containsEntry(secret, Checks.noChecker(secret));
    assertThat(result.unknown()).hasSize(2);
  }
}
