package dev.phoenix.mirror;

/**
 * An ECR repository the mirror region lacks and a copy needs: listed by a dry run, created before
 * the copies by {@code --yes}. {@code settings}: what it is (or would be) created with and where
 * that was read; {@code detail}: why it could not be created or looked at.
 */
public record MirrorRepository(String host, String repository, State state, String settings, String detail) {

  public enum State {
    /** Dry run: it would be created. */
    PLANNED,
    /** Created by this run (or by someone else meanwhile). */
    CREATED,
    /** Not created, or not looked at; {@code detail} says why. The image copies into it fail. */
    FAILED
  }

  public String name() {
    return host + "/" + repository;
  }
}
