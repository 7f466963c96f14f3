package dev.phoenix.verify;

/** Told how far checking has got; implementations print to stderr, never stdout. */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void started(int total) {}

    @Override
    public void advanced(int done, int total) {}

    @Override
    public void finished(int done, int total) {}
  };

  void started(int total);

  /** Checking began while history was read: {@code checkedAlready} of {@code total} are done when it is over. */
  default void started(int total, int checkedAlready) {
    started(total);
    if (checkedAlready > 0) {
      advanced(checkedAlready, total);
    }
  }

  /** Called from checker threads, possibly concurrently. */
  void advanced(int done, int total);

  void finished(int done, int total);
}
