package dev.phoenix.cli;

import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.rebuild.Target;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.rebuild.aws.AwsTarget;
import dev.phoenix.rebuild.aws.DatastoreRestores;
import dev.phoenix.rebuild.aws.ConfigServices;
import dev.phoenix.rebuild.local.DumpStore;
import dev.phoenix.rebuild.local.LocalTarget;
import java.io.InputStream;
import dev.phoenix.stores.Stores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code --target} words and the {@link Target} each one makes, on the run's stores (a target
 * that reads stores reads them through these clients). Add new targets here.
 */
final class RebuildTargets {
  private static final Map<String, Function<Stores, Target>> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("aws", stores -> new AwsTarget(new TerraformDeployer(),
        ConfigServices.of(region -> stores.region(region).ssm(), region -> stores.region(region).secrets()),
        new DatastoreRestores(region -> stores.region(region).rds(), region -> stores.region(region).dynamodb())));
    TARGETS.put(LocalTarget.NAME, stores -> new LocalTarget(stores::configValue, stores::packageSha256, dumps(stores)));
  }

  private RebuildTargets() {}

  /** The run's s3 dumps catalog, its client built on first use only (an estate without datastores never asks). */
  private static DumpStore dumps(Stores stores) {
    return new DumpStore() {
      @Override
      public BackupCatalog catalog() {
        return stores.s3Dumps();
      }

      @Override
      public InputStream open(Ref.S3Object dump) {
        return stores.s3Dumps().open(dump);
      }
    };
  }

  /** The word when it names a target; a usage error listing the known targets otherwise. */
  static String name(String word) {
    if (!TARGETS.containsKey(word)) {
      throw PhoenixException.input("unknown target '" + word + "'", "known targets: " + String.join(", ", TARGETS.keySet()));
    }
    return word;
  }

  static Target of(String word, Stores stores) {
    return TARGETS.get(name(word)).apply(stores);
  }
}
