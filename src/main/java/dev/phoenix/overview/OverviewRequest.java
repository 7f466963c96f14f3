package dev.phoenix.overview;

import dev.phoenix.verify.VerifyRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code phoenix report} gathers: the verify run (environments, window and checking options,
 * exactly as {@code phoenix verify} takes them), the drill record directory, and the JSON files of
 * the last drift runs (may be empty).
 */
public record OverviewRequest(VerifyRequest verify, Path drills, List<Path> drift) {
  public OverviewRequest {
    drift = List.copyOf(drift);
  }
}
