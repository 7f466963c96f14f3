package dev.phoenix.git;

import java.time.Instant;

/** One commit, as Phoenix needs it: id, the time it landed (committer date), author, subject. */
public record CommitInfo(String id, Instant committedAt, String author, String subject) {
  public String shortId() {
    return id.substring(0, 7);
  }
}
