package dev.phoenix.lockwrite;

import dev.phoenix.history.Change;
import dev.phoenix.model.Lockfile;
import java.util.List;

/**
 * What a write did: the lockfile before and after and the changes as {@code history} describes
 * them; {@code changed} is false when the file was left untouched.
 */
public record WriteResult(
    String environment, String path, Lockfile before, Lockfile after, List<Change> changes, boolean changed) {}
