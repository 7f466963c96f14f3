package dev.phoenix.verify;

import java.util.List;

/** A revision with its verdict and the references that are not OK (worst first). */
public record RevisionResult(EnvRevision revision, RevisionStatus status, List<RefUse> notOk) {}
