package dev.phoenix.rebuild;

import dev.phoenix.history.Revision;
import dev.phoenix.model.Estate;

/**
 * Phase {@code resolve}'s result: the one commit the environment was at for the asked moment, and
 * its lockfile and blueprints, read from that commit only and valid.
 *
 * @param asked the {@code --at} text as given
 * @param revision the commit and its files
 * @param estate lockfile and stacks (in dependency order) of that commit; in a mirror region, with
 *     every reference that has a copy there replaced by it ({@link RegionResolve})
 * @param region the mirror region whose copies the rebuild uses, or null: the references as pinned
 */
public record Resolved(String asked, Revision revision, Estate estate, InRegion region) {

  /** As pinned, in no mirror region. */
  public Resolved(String asked, Revision revision, Estate estate) {
    this(asked, revision, estate, null);
  }

  /**
   * A rebuild in mirror region {@code name}: the references without a copy there (with their
   * usages), the one wording of why ({@code reason}: "not mirrored: run phoenix mirror …"), and the
   * region's copies as the newest ledger records them ({@code copies}: where the targets find the
   * datastores' backups there; null when not known).
   */
  public record InRegion(String name, java.util.Map<dev.phoenix.check.Ref, java.util.List<String>> uncopied,
      String reason, dev.phoenix.check.MirrorCopies copies) {
    public InRegion {
      uncopied = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(uncopied));
    }

    public InRegion(String name, java.util.Map<dev.phoenix.check.Ref, java.util.List<String>> uncopied, String reason) {
      this(name, uncopied, reason, null);
    }
  }

  /** The mirror region's copies when this rebuild happens in one (datastore backups through the ledger), else null. */
  public dev.phoenix.check.MirrorCopies mirrorCopies() {
    return region == null ? null : region.copies();
  }

  public String environment() {
    return revision.environment();
  }

  /**
   * The moment whose data belongs to this rebuild (the newest backup at or before it is restored):
   * the asked date-time, a bare date's end of day, never after {@code now}; for a revision asked by
   * commit or {@code HEAD~n}, {@code now} (the newest data: ask for a date to get that date's).
   */
  public java.time.Instant dataTime(java.time.Instant now) {
    if (revision.asked() instanceof dev.phoenix.history.When.AtTime t) {
      return t.instant().isAfter(now) ? now : t.instant();
    }
    return now;
  }

  /** Full id of the lockfile commit: what plans are bound to. */
  public String commit() {
    return revision.commit().id();
  }
}
