package dev.phoenix.git;

import dev.phoenix.core.PhoenixException;

/** A Git problem the user must fix (not a repository, shallow clone, unknown revision). */
public final class GitException extends PhoenixException {
  public GitException(String message, String fix) {
    super(Kind.INPUT, message, fix);
  }

  public GitException(String message, String fix, Throwable cause) {
    super(Kind.INPUT, message, fix, cause);
  }
}
