package dev.phoenix.rebuild.local;

import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import java.io.InputStream;

/**
 * Where a local drill finds its datastores' dumps: the catalog that lists them (which one belongs
 * to D) and each dump version's bytes, streamed. Built by whoever holds the run's store clients, on
 * first use only.
 */
public interface DumpStore {
  BackupCatalog catalog();

  /** The bytes of one dump version, streamed; the caller hashes and closes. */
  InputStream open(Ref.S3Object dump);

  /**
   * In a mirror region (rebuild --region): the dumps are the copies the ledger records there, each
   * with its source's time, read from this store (the region's). A dump without a copy is not there.
   */
  static DumpStore inMirror(DumpStore region, dev.phoenix.check.MirrorCopies copies) {
    return new DumpStore() {
      @Override
      public BackupCatalog catalog() {
        return new dev.phoenix.check.MirrorBackups(copies, java.util.List.of(region.catalog()));
      }

      @Override
      public InputStream open(Ref.S3Object dump) {
        return region.open(dump);
      }
    };
  }

  /** For drills without a store of dumps: a datastore fails the drill, saying what to configure. */
  static DumpStore none() {
    return new DumpStore() {
      @Override
      public BackupCatalog catalog() {
        throw new PhoenixException(PhoenixException.Kind.INPUT, "no store of datastore dumps is configured for this drill",
            "configure AWS access (region, credentials, --aws-endpoint) so the dumps' bucket can be read");
      }

      @Override
      public InputStream open(Ref.S3Object dump) {
        throw new PhoenixException(PhoenixException.Kind.INPUT, "no store of datastore dumps is configured for this drill",
            "configure AWS access (region, credentials, --aws-endpoint) so the dumps' bucket can be read");
      }
    };
  }
}
