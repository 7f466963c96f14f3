package dev.phoenix.mirror;

import dev.phoenix.core.Concurrency;

import dev.phoenix.verify.VerifyWindow;
import java.time.Duration;

/**
 * {@code phoenix mirror}: copy what {@code region} lacks of every revision of {@code environment}
 * in {@code window}. {@code copy} false: a dry run. {@code commit}: commit the ledger afterwards.
 */
public record MirrorRequest(String environment, String region, VerifyWindow window, boolean copy, boolean commit,
    int concurrency, Duration deadline) {

  public MirrorRequest {
    if (concurrency < Concurrency.MIN || concurrency > Concurrency.MAX) {
      throw new IllegalArgumentException("concurrency must be " + Concurrency.MIN + ".." + Concurrency.MAX + ", was " + concurrency);
    }
  }
}
