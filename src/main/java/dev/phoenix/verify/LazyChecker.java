package dev.phoenix.verify;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** A checker for one kind of reference whose service (and its SDK client) is built on first use. */
final class LazyChecker<S extends AutoCloseable> implements RefChecker {
  private final Class<? extends Ref> kind;
  private final Supplier<S> connect;
  private final Function<S, RefChecker> checker;
  private final List<AutoCloseable> open;
  private RefChecker delegate;

  LazyChecker(Class<? extends Ref> kind, Supplier<S> connect, Function<S, RefChecker> checker,
      List<AutoCloseable> open) {
    this.kind = kind;
    this.connect = connect;
    this.checker = checker;
    this.open = open;
  }

  @Override
  public boolean handles(Ref ref) {
    return kind.isInstance(ref);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    return delegate().check(refs, options);
  }

  private synchronized RefChecker delegate() {
    if (delegate == null) {
      S service = connect.get();
      synchronized (open) {
        open.add(service);
      }
      delegate = checker.apply(service);
    }
    return delegate;
  }
}
