package dev.phoenix.page;

import java.util.List;

/** Per environment, when it could be rebuilt during the window. */
public record Restorability(List<Timeline> timelines) implements Section {
  public Restorability {
    timelines = List.copyOf(timelines);
  }

  @Override
  public String title() {
    return "Restorability over the window";
  }
}
