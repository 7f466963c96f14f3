package dev.phoenix.stores;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** A keeper for one kind of reference whose service (and its SDK client) is built on first use. */
final class LazyKeeper implements Keeper {
  private final Class<? extends Ref> kind;
  private final Supplier<Keeper> make;
  private Keeper delegate;

  LazyKeeper(Class<? extends Ref> kind, Supplier<Keeper> make) {
    this.kind = kind;
    this.make = make;
  }

  @Override
  public boolean handles(Ref ref) {
    return kind.isInstance(ref);
  }

  @Override
  public String mark(Ref ref, String env) {
    return delegate().mark(ref, env);
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    return delegate().isProtected(ref, env);
  }

  @Override
  public void protect(Ref ref, String env) {
    delegate().protect(ref, env);
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    return delegate().kept(scope, env);
  }

  @Override
  public boolean release(Kept kept, String env) {
    return delegate().release(kept, env);
  }

  private synchronized Keeper delegate() {
    if (delegate == null) {
      delegate = make.get();
    }
    return delegate;
  }
}
