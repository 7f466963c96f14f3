package dev.phoenix.history;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.lockfile.EstateFiles;

/** An environment as it was at one commit, and how that commit was chosen. */
public record Revision(String environment, CommitInfo commit, EstateFiles files, When asked) {}
