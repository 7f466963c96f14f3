package dev.phoenix.drift;

/**
 * One service or function: its status, what the lockfile pins and what runs (each as text a person
 * can compare, e.g. {@code host/repo@sha256:…} or {@code sha256:…}; null when that side has nothing),
 * and why, in words. Never a config or secret value.
 */
public record DriftItem(String kind, String name, DriftStatus status, String lockfile, String running, String detail) {
  public static final String SERVICE = "service";
  public static final String FUNCTION = "function";

  public static DriftItem match(String kind, String name, String pinned) {
    return new DriftItem(kind, name, DriftStatus.MATCH, pinned, pinned, null);
  }
}
