package dev.phoenix.rebuild.aws;

/**
 * One datastore the aws target brings back as at the rebuild's date: the narrow input of
 * {@link DatastoreRestores}, built from the blueprint's {@code datastores:} entry (its
 * {@code backups: {rds: {instance}}} or {@code {dynamodb: {table}}}) by whoever reads the model.
 *
 * @param name the datastore's name in the blueprint
 * @param stack the blueprint stack it belongs to
 * @param source where its backups are
 * @param region the region of the source instance or table (null: the run's region)
 * @param engine RDS engine (RDS only), e.g. {@code postgres}
 * @param instanceClass RDS instance class of the restored copy (RDS only), e.g. {@code db.t3.micro}
 * @param port the engine's port (RDS only)
 */
public record AwsDatastoreRestore(String name, String stack, Origin source, String region, String engine,
    String instanceClass, int port) {

  /** Where a datastore's backups are. */
  public sealed interface Origin permits Rds, Dynamo {}

  /** RDS snapshots and point-in-time recovery of a DB instance. */
  public record Rds(String instance) implements Origin {}

  /** DynamoDB on-demand backups and point-in-time recovery of a table. */
  public record Dynamo(String table) implements Origin {}

  public static AwsDatastoreRestore rds(String name, String stack, String instance, String region, String engine,
      String instanceClass, int port) {
    return new AwsDatastoreRestore(name, stack, new Rds(instance), region, engine, instanceClass, port);
  }

  public static AwsDatastoreRestore dynamo(String name, String stack, String table, String region) {
    return new AwsDatastoreRestore(name, stack, new Dynamo(table), region, null, null, 0);
  }
}
