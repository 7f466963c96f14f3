package dev.phoenix.stores;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** A keeper for one kind of reference whose service (and its SDK client) is built on first use. */
final class LazyKeeper implements Keeper {
  private final Class<? extends Ref> kind;
  private final Once<Keeper> delegate;

  LazyKeeper(Class<? extends Ref> kind, Supplier<Keeper> make) {
    this.kind = kind;
    this.delegate = new Once<>(make);
  }

  @Override
  public boolean handles(Ref ref) {
    return kind.isInstance(ref);
  }

  @Override
  public String mark(Ref ref, String env) {
    return delegate.get().mark(ref, env);
  }

  /** The reading view of the one keeper this builds, itself built on first use. */
  @Override
  public Keeper reading() {
    return new LazyKeeper(kind, () -> delegate.get().reading());
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    return delegate.get().isProtected(ref, env);
  }

  @Override
  public void protect(Ref ref, String env) {
    delegate.get().protect(ref, env);
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    return delegate.get().kept(scope, env);
  }

  @Override
  public boolean release(Kept kept, String env) {
    return delegate.get().release(kept, env);
  }
}
