package dev.phoenix.drift;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One environment's drift: the lockfile revision compared with ({@code at} as asked, resolved to a
 * commit), one item per service/function, and the newest revision what runs matches ({@code live},
 * null when none of the {@code revisionsSearched} newest does).
 */
public record DriftResult(String environment, String target, String at, String commit, String shortId,
    Instant committedAt, List<DriftItem> items, LiveRevision live, int revisionsSearched) {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  public DriftResult {
    items = List.copyOf(items);
  }

  /** Count per status, every status present (0 when none). */
  public Map<DriftStatus, Integer> summary() {
    Map<DriftStatus, Integer> m = new LinkedHashMap<>();
    for (DriftStatus s : DriftStatus.values()) {
      m.put(s, 0);
    }
    items.forEach(i -> m.merge(i.status(), 1, Integer::sum));
    return m;
  }

  /** {@code MATCH}, {@code DRIFT} (something runs other than pinned) or {@code UNKNOWN} (could not check all). */
  public String verdict() {
    if (items.stream().anyMatch(i -> i.status().drift())) {
      return "DRIFT";
    }
    return items.stream().anyMatch(i -> i.status() == DriftStatus.UNKNOWN) ? "UNKNOWN" : "MATCH";
  }

  /** 0 all MATCH, 1 drift, 3 could not check (drift found outranks what could not be checked). */
  public int exitCode() {
    return switch (verdict()) {
      case "MATCH" -> 0;
      case "DRIFT" -> 1;
      default -> 3;
    };
  }

  /**
   * {@code prod runs the lockfile of 2026-11-02 16:40 (83d377b), 2 revisions behind HEAD; payments-api drifted}.
   */
  public String headline() {
    StringBuilder s = new StringBuilder(environment);
    if (live == null) {
      s.append(" runs none of its last ").append(revisionsSearched).append(" lockfile revision(s)");
    } else {
      s.append(" runs the lockfile of ").append(WHEN.format(live.committedAt())).append(" UTC (").append(live.shortId())
          .append("), ").append(live.behind() == 0 ? "HEAD" : live.behind() + " revision" + (live.behind() == 1 ? "" : "s")
          + " behind HEAD");
    }
    List<String> off = new ArrayList<>();
    for (DriftItem i : items) {
      if (i.status() != DriftStatus.MATCH) {
        off.add(i.name() + " " + word(i.status()));
      }
    }
    if (!off.isEmpty()) {
      s.append("; ").append(String.join(", ", off));
    }
    return s.toString();
  }

  static String word(DriftStatus s) {
    return switch (s) {
      case MATCH -> "matches";
      case DRIFTED -> "drifted";
      case UNPINNED -> "runs unpinned";
      case NOT_RUNNING -> "not running";
      case UNMANAGED -> "unmanaged";
      case UNKNOWN -> "could not be checked";
    };
  }
}
