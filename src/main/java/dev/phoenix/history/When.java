package dev.phoenix.history;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A moment the user asks about: an ISO date or date-time (no zone means UTC; a bare date means the
 * end of that day, i.e. the state the environment was left in that day), or a Git revision. The one
 * reader of WHEN for every command ({@code show/diff/rebuild --at}, {@code verify --from/--to}),
 * with one wording for what is wrong and one hint.
 */
public sealed interface When permits When.AtTime, When.AtRevision {

  /** How to say back to the user what was understood. */
  String explain();

  record AtTime(Instant instant, String given, boolean zoneAssumed, boolean dateOnly) implements When {
    /** The moment, except that a bare date means the start of that day (a window's start). */
    public Instant startOfDay() {
      return dateOnly ? LocalDate.parse(given.trim()).atStartOfDay().toInstant(ZoneOffset.UTC) : instant;
    }

    @Override
    public String explain() {
      if (dateOnly) {
        return given + " read as the end of that day, " + instant + " (no zone given: UTC)";
      }
      return zoneAssumed ? given + " read as " + instant + " (no zone given: UTC)" : given + " = " + instant;
    }
  }

  record AtRevision(String revision) implements When {
    /**
     * The commit this revision names, or an INPUT error: "'REV' is neither a date nor a commit of
     * this repository", prefixed with {@code option} ("--from") when given.
     */
    public CommitInfo commit(GitRepository git, String option) {
      return git.resolve(revision).orElseThrow(() -> PhoenixException.input(
          (option == null ? "" : option + " ") + "'" + revision + "' is neither a date nor a commit of this repository",
          HINT));
    }

    @Override
    public String explain() {
      return "revision " + revision;
    }
  }

  Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

  /** What to write instead, said with every WHEN that cannot be read. */
  String HINT = "write a date (2026-11-01), a date-time (2026-11-01T10:00Z), a commit id or HEAD~n";

  /** As {@link #parse}, with a bad date an INPUT error carrying the hint, prefixed "OPTION: " when given. */
  static When read(String text, String option) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw PhoenixException.input((option == null ? "" : option + ": ") + e.getMessage(), HINT);
    }
  }

  /** Throws IllegalArgumentException for what looks like a date but is not one. */
  static When parse(String text) {
    String t = text.trim();
    try {
      if (DATE.matcher(t).matches()) {
        Instant end = LocalDate.parse(t).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
        return new AtTime(end, t, true, true);
      }
      if (LOCAL_DATE_TIME.matcher(t).matches()) {
        Instant at = LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        return new AtTime(at, t, true, false);
      }
      if (t.length() > 10 && Character.isDigit(t.charAt(0)) && t.charAt(4) == '-') {
        return new AtTime(OffsetDateTime.parse(t.replace(' ', 'T')).toInstant(), t, false, false);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid date or time: " + e.getParsedString());
    }
    return new AtRevision(t);
  }
}
