package dev.phoenix.stores;

import dev.phoenix.check.BackupListing;
import dev.phoenix.model.Datastore;
import java.util.List;
import java.util.function.Supplier;

/** A backup listing whose store client is built on first use (a run without such datastores builds none). */
final class LazyListing implements BackupListing {
  private final Class<? extends Datastore.Backups> kind;
  private final Supplier<BackupListing> make;
  private BackupListing delegate;

  LazyListing(Class<? extends Datastore.Backups> kind, Supplier<BackupListing> make) {
    this.kind = kind;
    this.make = make;
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return kind.isInstance(where);
  }

  @Override
  public List<Point> list(Datastore.Backups where) {
    return delegate().list(where);
  }

  private synchronized BackupListing delegate() {
    if (delegate == null) {
      delegate = make.get();
    }
    return delegate;
  }
}
