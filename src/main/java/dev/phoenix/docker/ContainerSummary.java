package dev.phoenix.docker;

import java.util.Map;

/** One container as listed: id, name (without the leading slash), state word and labels. */
public record ContainerSummary(String id, String name, String state, Map<String, String> labels) {
  public boolean running() {
    return "running".equals(state);
  }
}
