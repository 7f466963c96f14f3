package dev.phoenix.verify;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts references checked for a {@link ProgressListener} when checking starts before the total
 * is known (while history is still read): what is checked before {@link #started} is counted and
 * reported then, with the total; the listener never hears of progress before it has started.
 */
final class CheckProgress {
  private final ProgressListener listener;
  private final AtomicInteger checked = new AtomicInteger();
  private int total = -1; // guarded by this

  CheckProgress(ProgressListener listener) {
    this.listener = listener;
  }

  /** One reference checked (from checker threads). */
  void checked() {
    int done = checked.incrementAndGet();
    synchronized (this) {
      if (total >= 0) {
        listener.advanced(Math.min(done, total), total);
      }
    }
  }

  /** Reading is over: {@code total} unique references, some already checked. */
  synchronized void started(int total) {
    this.total = total;
    listener.started(total, Math.min(checked.get(), total));
  }

  synchronized void finished() {
    listener.finished(Math.min(checked.get(), Math.max(total, 0)), Math.max(total, 0));
  }
}
