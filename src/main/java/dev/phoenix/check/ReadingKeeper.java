package dev.phoenix.check;

import java.util.Collection;
import java.util.List;

/**
 * What {@link Keeper#reading} hands out: a keeper that reads (and remembers what it read), and
 * refuses to write, since a write would leave what it remembers stale.
 */
public final class ReadingKeeper implements Keeper {
  private final Keeper reads;

  /** {@code reads}: a keeper that remembers what it reads from the store for its life. */
  public ReadingKeeper(Keeper reads) {
    this.reads = reads;
  }

  @Override
  public boolean handles(Ref ref) {
    return reads.handles(ref);
  }

  @Override
  public String mark(Ref ref, String env) {
    return reads.mark(ref, env);
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    return reads.isProtected(ref, env);
  }

  @Override
  public void protect(Ref ref, String env) {
    throw new IllegalStateException("a reading keeper does not write: protect through the keeper itself");
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    return reads.kept(scope, env);
  }

  @Override
  public boolean release(Kept kept, String env) {
    throw new IllegalStateException("a reading keeper does not write: release through the keeper itself");
  }

  @Override
  public Keeper reading() {
    return this;
  }
}
