package dev.phoenix.git;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * One object reader per thread, kept while the repository is open. A reader keeps the objects it
 * undeltified last (JGit's delta base cache belongs to the reader), and a history walk reads one
 * lockfile after the other, each stored as a delta against the next: through one reader, the next
 * version's base is already there. A fresh reader per read (what {@code Repository.open} makes)
 * inflated the whole chain again every time: zlib took 28% of the cold reading of a year. A reader
 * is not shared across threads, so each thread has its own.
 */
final class ThreadReaders implements AutoCloseable {
  private final Repository repository;
  private final Set<ObjectReader> open = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<ObjectReader> mine = new ThreadLocal<>();

  ThreadReaders(Repository repository) {
    this.repository = repository;
  }

  /** This thread's reader; not to be closed by the caller. */
  ObjectReader get() {
    ObjectReader r = mine.get();
    if (r == null) {
      r = repository.newObjectReader();
      open.add(r);
      mine.set(r);
    }
    return r;
  }

  /** Closes this thread's reader, if it has one (a pool thread whose work is done). */
  void release() {
    ObjectReader r = mine.get();
    if (r != null) {
      mine.remove();
      open.remove(r);
      r.close();
    }
  }

  @Override
  public void close() {
    open.forEach(ObjectReader::close);
    open.clear();
  }
}
