package dev.phoenix.drift;

/** Looks at what runs on one target ({@code local}: a Docker host, {@code aws}: ECS and Lambda). */
public interface Probe {
  String target();

  /** Observes the environment; throws a PhoenixException (UNAVAILABLE) when the target cannot be asked. */
  LiveState look(String environment);
}
