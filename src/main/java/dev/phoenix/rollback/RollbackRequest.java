package dev.phoenix.rollback;

import java.time.Instant;
import java.util.List;

/** {@code phoenix rollback --env E --to WHEN [--only a,b] [--with-config]}, read at {@code now}. */
public record RollbackRequest(String environment, String to, List<String> only, boolean withConfig, Instant now) {
  public RollbackRequest {
    only = List.copyOf(only);
  }
}
