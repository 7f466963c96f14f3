package dev.phoenix.stores;

import dev.phoenix.aws.dynamodb.DynamoService;
import dev.phoenix.aws.ecs.EcsService;
import dev.phoenix.aws.lambda.LambdaService;
import dev.phoenix.aws.rds.RdsService;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Pinning;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.registry.RegistryChecker;
import dev.phoenix.registry.RegistryCredentials;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place Phoenix builds store clients: one per run, from {@link StoreSettings}. Every AWS
 * client and the registry client is built once, on first use, with Phoenix's timeouts and retries,
 * and shared by everything handed out here: {@link #checkers()} for verify and preflight,
 * {@link #keepers()} for protect and {@code verify --check-protection}, {@link #pinning()} for lock,
 * {@link #configValue} and {@link #packageSha256} for local drills. ECR tokens come from the run's
 * one ECR service and answer ECR hosts in the one registry client's credential chain (checks,
 * keep tags and tag resolution all go through that client).
 *
 * <p>S3, SSM and Secrets Manager clients are keyed by region: this object asks in its region (the
 * settings' region, else the SDK's chain); {@link #region(String)} is the same run asking in
 * another region, sharing the clients. ECR and EC2 take the region from the registry host or the
 * AMI. Close the run's {@code Stores} when done: that closes every client it built, once.
 */
public final class Stores implements AutoCloseable {
  private final Clients clients;
  private final String region;
  private List<RefChecker> checkers;
  private List<Keeper> keepers;

  private Stores(Clients clients, String region) {
    this.clients = clients;
    this.region = region; // null: the run's default region, resolved on first use
  }

  public static Stores open(StoreSettings settings) {
    return new Stores(new Clients(settings, e -> { }), null);
  }

  /** For tests: {@code events} hears "built NAME" and "closed NAME" for every client. */
  static Stores open(StoreSettings settings, Consumer<String> events) {
    return new Stores(new Clients(settings, events), null);
  }

  /** The same run's stores asking in {@code region}; clients are shared, closing either closes both. */
  public Stores region(String other) {
    return new Stores(clients, other);
  }

  public String region() {
    return clients.region(region);
  }

  /**
   * The store checkers, in the order they are asked whether they handle a reference: ECR (images in
   * *.dkr.ecr.*.amazonaws.com; under --deep through the registry API with an ECR token), any other
   * OCI registry, S3, EC2, SSM, Secrets Manager, RDS snapshots and DynamoDB backups (each in the
   * region its ARN names). A service's client is built only when a run has
   * references for it.
   */
  public synchronized List<RefChecker> checkers() {
    if (checkers == null) {
      RegistryChecker registry = new RegistryChecker(clients.registry()); // the run's one registry client
      checkers = List.of(
          clients.ecr().checker(registry), // --deep on ECR: manifest and blobs through the registry API, hashed
          registry,
          new LazyChecker(Ref.S3Object.class, () -> clients.s3(region).checker()),
          clients.ec2().checker(),
          new LazyChecker(Ref.Ssm.class, () -> clients.ssm(region).checker()),
          new LazyChecker(Ref.Secret.class, () -> clients.secrets(region).checker()),
          new RegionalChecker<>(Ref.RdsSnapshot.class, Ref.RdsSnapshot::region, r -> clients.rds(r).checker()),
          new RegionalChecker<>(Ref.DynamoBackup.class, Ref.DynamoBackup::region,
              r -> clients.dynamodb(r).checker()));
    }
    return checkers;
  }

  /**
   * One keeper per store kind: registry tags (ECR included), S3, SSM, Secrets Manager, AMIs, RDS
   * snapshots and DynamoDB backups (each in the region its ARN names).
   */
  public synchronized List<Keeper> keepers() {
    if (keepers == null) {
      keepers = List.of(
          new LazyKeeper(Ref.Image.class, () -> clients.registry().keeper()),
          new LazyKeeper(Ref.S3Object.class, () -> clients.s3(region).keeper()),
          new LazyKeeper(Ref.Ssm.class, () -> clients.ssm(region).keeper()),
          new LazyKeeper(Ref.Secret.class, () -> clients.secrets(region).keeper()),
          new LazyKeeper(Ref.Ami.class, () -> clients.ec2().keeper()),
          new RegionalKeeper<>(Ref.RdsSnapshot.class, Ref.RdsSnapshot::region, r -> clients.rds(r).keeper()),
          new RegionalKeeper<>(Ref.DynamoBackup.class, Ref.DynamoBackup::region,
              r -> clients.dynamodb(r).keeper()));
    }
    return keepers;
  }

  /** What {@code lock} asks the stores: tags to digests, current versions. */
  public Pinning pinning() {
    return new LivePins(clients, region);
  }

  /** A pinned config value for a local drill: an SSM parameter version or a secret version. */
  public String configValue(ConfigSource source) {
    if (source instanceof ConfigSource.SsmParameter p) {
      return clients.ssm(region).values().read(p.name(), p.version()).reveal();
    }
    if (source instanceof ConfigSource.SecretVersion v) {
      return clients.secrets(region).values().read(v.secretId(), v.versionId()).reveal();
    }
    if (source instanceof ConfigSource.DatastoreAddress d) {
      throw new dev.phoenix.core.PhoenixException(dev.phoenix.core.PhoenixException.Kind.INPUT,
          "{datastore: " + d.datastore() + "} is filled in by the drill that restores the datastore, not read from a store",
          "rebuild with --target local: the drill restores the datastore first and gives its services its address");
    }
    throw new IllegalArgumentException("not a store-held config source: " + source.describe());
  }

  /**
   * The backup catalogs of datastores, in the order they are asked: s3 dumps, RDS snapshots,
   * DynamoDB on-demand backups, each on this region's client (a datastore's {@code backups:} names no
   * region), built on first use.
   */
  public List<dev.phoenix.check.BackupCatalog> backups() {
    return List.of(new LazyCatalog(dev.phoenix.model.Datastore.S3Dumps.class, () -> clients.s3(region).backups()),
        new LazyCatalog(dev.phoenix.model.Datastore.RdsSnapshots.class, () -> clients.rds(region).catalog()),
        new LazyCatalog(dev.phoenix.model.Datastore.DynamoDbBackups.class, () -> clients.dynamodb(region).catalog()));
  }

  /**
   * What {@code protect} lists of each datastore's backups to keep those its window needs: s3 dumps
   * (object versions), RDS snapshots and DynamoDB on-demand backups, in this run's region (a
   * datastore's {@code backups:} names no region).
   */
  public List<dev.phoenix.check.BackupListing> backupListings() {
    return List.of(
        new LazyListing(dev.phoenix.model.Datastore.S3Dumps.class, () -> clients.s3(region).dumpListing()),
        new LazyListing(dev.phoenix.model.Datastore.RdsSnapshots.class, () -> clients.rds(region).listing()),
        new LazyListing(dev.phoenix.model.Datastore.DynamoDbBackups.class, () -> clients.dynamodb(region).listing()));
  }

  /** The s3 dumps catalog itself: a local drill streams the chosen dump's bytes from it. */
  public dev.phoenix.aws.s3.S3Backups s3Dumps() {
    return clients.s3(region).backups();
  }

  /** SHA-256 of an S3 object version's bytes (a Lambda package), streamed, not kept. */
  public String packageSha256(S3ObjectVersion version) {
    return clients.s3(region).packages().sha256(version);
  }

  /** The run's SSM service in this region: the aws target's parameter lookups and materialized copies. */
  public SsmService ssm() {
    return clients.ssm(region);
  }

  /** The run's Secrets Manager service in this region: the aws target's secret ARN lookups. */
  public SecretsService secrets() {
    return clients.secrets(region);
  }

  /** The run's one registry client (ECR tokens first in its credential chain): image copies of {@code mirror}. */
  public dev.phoenix.registry.RegistryClient registry() {
    return clients.registry();
  }

  /** The run's S3 service in this region: package copies of {@code mirror}. */
  public dev.phoenix.aws.s3.S3Service s3() {
    return clients.s3(region);
  }

  /** The run's EC2 service (one SDK client per region inside): AMI copies of {@code mirror}. */
  public dev.phoenix.aws.ec2.Ec2Service ec2() {
    return clients.ec2();
  }

  /** The run's ECR service (one SDK client per region inside): a mirror registry's repositories. */
  public dev.phoenix.aws.ecr.EcrService ecr() {
    return clients.ecr();
  }

  /** The run's ECS service in this region: what {@code drift --target aws} reads of running services. */
  public EcsService ecs() {
    return clients.ecs(region);
  }

  /** The run's Lambda service in this region: what {@code drift --target aws} reads of functions. */
  public LambdaService lambda() {
    return clients.lambda(region);
  }

  /** The run's RDS service in this region: which snapshot or point in time holds a datastore's data. */
  public RdsService rds() {
    return clients.rds(region);
  }

  /** The run's DynamoDB service in this region: backups, restores of on-demand backups, item counts. */
  public DynamoService dynamodb() {
    return clients.dynamodb(region);
  }

  /** The one credential chain of the run's registry clients (tests). */
  RegistryCredentials registryCredentials() {
    return clients.registryCredentials();
  }

  @Override
  public void close() {
    clients.close();
  }
}
