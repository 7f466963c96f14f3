package dev.phoenix.aws.ssm;

import dev.phoenix.check.Finding;
import java.util.List;
import java.util.SortedMap;

/**
 * What a parameter's version history says about one pinned version. SSM keeps at most 100
 * versions: writing version 101 deletes the oldest version, unless that oldest version has a label,
 * in which case the write fails (ParameterMaxVersionLimitExceeded). An unlabelled version of a
 * parameter with at least {@value #RISK_VERSIONS} versions can therefore disappear soon.
 */
final class SsmFindings {
  static final int MAX_VERSIONS = 100;
  static final int RISK_VERSIONS = 90;

  private SsmFindings() {}

  static Finding of(long version, SortedMap<Long, List<String>> history) {
    List<String> labels = history.get(version);
    if (labels == null) {
      if (history.isEmpty()) {
        return Finding.missing("parameter has no versions");
      }
      long oldest = history.firstKey();
      long latest = history.lastKey();
      if (version > latest) {
        return Finding.missing("version " + version + " does not exist (latest is " + latest + ")");
      }
      if (version < oldest) {
        return Finding.missing("version " + version + " is gone: the oldest version kept is " + oldest
            + " (SSM keeps " + MAX_VERSIONS + ")");
      }
      return Finding.missing("version " + version + " was deleted");
    }
    if (!labels.isEmpty()) {
      return Finding.ok("labelled " + String.join(", ", labels));
    }
    int count = history.size();
    if (count >= RISK_VERSIONS) {
      long olderOrSame = history.headMap(version + 1).size();
      return Finding.atRisk("unlabelled, and the parameter has " + count + " of SSM's " + MAX_VERSIONS
          + " versions; past " + MAX_VERSIONS + " each new version deletes the oldest (this is number "
          + olderOrSame + " from the oldest): label it (phoenix protect)");
    }
    return Finding.ok("present");
  }
}
