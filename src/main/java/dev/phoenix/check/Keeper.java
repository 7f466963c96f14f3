package dev.phoenix.check;

import java.util.Collection;
import java.util.List;

/**
 * Phoenix's protection in one kind of store: a mark the store understands that keeps a pinned
 * version from being cleaned up, named {@code phoenix-keep-<env>...}. Implementations wrap one
 * adapter package and throw {@link dev.phoenix.core.PhoenixException} on failure.
 */
public interface Keeper {
  boolean handles(Ref ref);

  /** The mark this ref gets for the environment, e.g. registry tag phoenix-keep-prod-4b825dc642cb. */
  String mark(Ref ref, String env);

  boolean isProtected(Ref ref, String env);

  /**
   * A view of this keeper for one run that only reads ({@code verify --check-protection}, which asks
   * {@link #isProtected} once per environment that pins a reference): what it reads from the store
   * about a reference's marks (a parameter's history, an object's kept versions, a resource's
   * tags) holds every environment's marks, so it is read once and answers them all. The view
   * refuses to write ({@link ReadingKeeper}). This keeper itself when a read answers only one
   * environment (a registry tag is one environment's).
   */
  default Keeper reading() {
    return this;
  }

  void protect(Ref ref, String env);

  /** Phoenix's marks for {@code env} on anything the given refs live in (same repository, object, parameter, secret). */
  List<Kept> kept(Collection<Ref> scope, String env);

  /** Removes one mark; false when the store cannot remove it alone (it is then only reported). */
  boolean release(Kept kept, String env);

  /** A mark found in a store: on which ref (as far as the store says) and its name. */
  record Kept(Ref ref, String mark) {}
}
