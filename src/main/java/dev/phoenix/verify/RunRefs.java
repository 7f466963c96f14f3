package dev.phoenix.verify;

import dev.phoenix.check.Ref;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * One revision's references and uses, in its order, as positions in its run's {@link RunTable}: what
 * {@link RevisionChunks#decode} gives, and {@link RevisionChunks#file} when a run is read and filed,
 * instead of a hash map per revision. Read-only. Iterating it walks
 * an array; a lookup ({@link #get}, {@link #containsKey}) goes through the table's index and this
 * revision's position for each reference, both made on the first lookup.
 */
final class RunRefs extends AbstractMap<Ref, List<String>> {
  final RunTable table;
  final int[] positions;
  private volatile int[] byRefId; // for each reference of the table (by its id), the position held here or -1

  /** {@code positions}: each within the table, no reference twice (the decoder checks both). */
  RunRefs(RunTable table, int[] positions) {
    this.table = table;
    this.positions = positions;
  }

  @Override
  public int size() {
    return positions.length;
  }

  @Override
  public boolean isEmpty() {
    return positions.length == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return at(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> get(Object key) {
    int at = at(key);
    return at < 0 ? null : (List<String>) table.uses[at];
  }

  /** The position this revision holds {@code key} at, or -1. */
  private int at(Object key) {
    int id = table.refIdOf(key);
    if (id < 0) {
      return -1;
    }
    int[] mine = byRefId;
    if (mine == null) {
      mine = new int[table.size()];
      Arrays.fill(mine, -1);
      for (int p : positions) {
        mine[table.refId[p]] = p;
      }
      byRefId = mine;
    }
    return mine[id];
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super Ref, ? super List<String>> action) {
    for (int p : positions) {
      action.accept(table.refs[p], (List<String>) table.uses[p]);
    }
  }

  @Override
  public Set<Ref> keySet() {
    return new View<>(p -> table.refs[p], true);
  }

  @Override
  public Set<Entry<Ref, List<String>>> entrySet() {
    return new View<>(this::entry, false);
  }

  @SuppressWarnings("unchecked")
  private Entry<Ref, List<String>> entry(int p) {
    return new SimpleImmutableEntry<>(table.refs[p], (List<String>) table.uses[p]);
  }

  /** The revision's positions seen as a set of what {@code of} makes of each. */
  private final class View<T> extends AbstractSet<T> {
    private final IntFunction<T> of;
    private final boolean keys;

    View(IntFunction<T> of, boolean keys) {
      this.of = of;
      this.keys = keys;
    }

    @Override
    public boolean contains(Object o) {
      return keys ? containsKey(o) : super.contains(o);
    }

    @Override
    public int size() {
      return positions.length;
    }

    @Override
    public Iterator<T> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < positions.length;
        }

        @Override
        public T next() {
          if (next >= positions.length) {
            throw new NoSuchElementException();
          }
          return of.apply(positions[next++]);
        }
      };
    }
  }
}
