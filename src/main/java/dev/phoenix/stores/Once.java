package dev.phoenix.stores;

import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first: how every lazy checker, keeper and
 * catalog of {@link Stores} defers building its service (and its SDK client) until a reference of
 * its kind turns up.
 */
final class Once<T> implements Supplier<T> {
  private final Supplier<T> make;
  private T value;

  Once(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = make.get();
    }
    return value;
  }
}
