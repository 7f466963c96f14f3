package dev.phoenix.stores;

import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.model.Datastore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A backup catalog for one backup form whose service (and SDK client) is built on first use. */
final class LazyCatalog implements BackupCatalog {
  private final Class<? extends Datastore.Backups> kind;
  private final Once<BackupCatalog> delegate;

  LazyCatalog(Class<? extends Datastore.Backups> kind, Supplier<BackupCatalog> make) {
    this.kind = kind;
    this.delegate = new Once<>(make);
  }

  @Override
  public boolean handles(Datastore.Backups where) {
    return kind.isInstance(where);
  }

  @Override
  public List<Backup> list(Datastore.Backups where) {
    return delegate.get().list(where);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Backup> backups, CheckOptions options) {
    return delegate.get().check(backups, options);
  }
}
