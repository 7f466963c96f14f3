package dev.phoenix.rebuild;

import dev.phoenix.history.Revision;
import dev.phoenix.model.Estate;

/**
 * Phase {@code resolve}'s result: the one commit the environment was at for the asked moment, and
 * its lockfile and blueprints, read from that commit only and valid.
 *
 * @param asked the {@code --at} text as given
 * @param revision the commit and its files
 * @param estate lockfile and stacks (in dependency order) of that commit
 */
public record Resolved(String asked, Revision revision, Estate estate) {

  public String environment() {
    return revision.environment();
  }

  /** Full id of the lockfile commit: what plans are bound to. */
  public String commit() {
    return revision.commit().id();
  }
}
