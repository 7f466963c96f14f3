package dev.phoenix.core;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for Phoenix's worker pools: named (they show in thread dumps and profiles) and daemons,
 * so work abandoned at a deadline never keeps the process alive.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
