package dev.phoenix.verify;

import dev.phoenix.git.GitRepository;
import dev.phoenix.lockfile.EstateFiles;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * A commit's files as the walk already knows them: the lockfile's bytes it has in hand, and a
 * blueprint whose blob it has read before given from {@code blobs} instead of looked up and
 * inflated again (a year of revisions names the same twenty blueprints every day). A blob is known
 * by its entry ({@code <mode> <blob>}, from {@code entries}), so the bytes are the blob's whatever
 * the commit; only regular files are kept, at most {@link #MAX_KEPT} of at most {@link #MAX_BYTES}
 * each. Anything else is the commit's files' own answer.
 */
record KnownFiles(EstateFiles files, String lockfilePath, byte[] lockfile, Function<String, Optional<String>> entries,
    Map<String, Lookup> blobs) implements EstateFiles {
  static final int MAX_KEPT = 1_000;
  static final int MAX_BYTES = 256 * 1024;

  @Override
  public Lookup lookup(String path) {
    if (path.equals(lockfilePath)) {
      return Lookup.of(lockfile);
    }
    Optional<String> entry = EstateFiles.badPath(path).isPresent() ? Optional.empty() : entries.apply(path);
    if (entry.isEmpty() || !GitRepository.regularFile(entry.get())) {
      return files.lookup(path);
    }
    Lookup known = blobs.get(entry.get());
    if (known != null) {
      return known;
    }
    Lookup read = files.lookup(path);
    if (read.bytes().isPresent() && read.content().length <= MAX_BYTES && blobs.size() < MAX_KEPT) {
      blobs.put(entry.get(), read);
    }
    return read;
  }

  @Override
  public SortedSet<String> environments() {
    return files.environments();
  }

  @Override
  public String label() {
    return files.label();
  }
}
