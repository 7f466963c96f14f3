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

  /** Called from checker threads, possibly concurrently. */
  void advanced(int done, int total);

  void finished(int done, int total);
}
