package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstanceRestoreToPointInTime;
import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroup;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import dev.phoenix.synth.DatastoreSpec;
import dev.phoenix.synth.Names;
import dev.phoenix.synth.TargetOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One restored datastore ({@link DatastoreSpec}). RDS: a DB subnet group over the private
 * subnets, a security group open on the engine's port to the services' group only, and the
 * instance (never public, no final snapshot: a drill's copy, deleted by teardown). DynamoDB: a
 * point-in-time restored table, or only an output naming the table the SDK restored.
 */
final class DatastoreConstructs {
  /** RDS instance identifiers: 1 to 63 letters, digits and hyphens. */
  static final int RDS_MAX = 63;
  static final String DATASTORE_TAG = "phoenix:datastore";
  static final String RESTORED_FROM_TAG = "phoenix:restored-from";

  private DatastoreConstructs() {}

  /**
   * Adds the datastore's resources; returns what a service's {@code {datastore: NAME}} variable
   * holds, a Terraform reference where Terraform owns the datastore: RDS {@code
   * postgres://<address>:<port>/postgres} for postgres ({@code <address>:<port>} for another engine),
   * without user or password (the restored instance keeps its snapshot's credentials, which the
   * service reads from its own secret config); DynamoDB the restored table's name.
   */
  static String add(TerraformStack stack, TargetOptions target, DatastoreSpec datastore, NetworkRefs refs) {
    String id = "ds_" + Names.tfId(datastore.name());
    if (datastore instanceof DatastoreSpec.RdsInstance rds) {
      return rds(stack, target, rds, refs, id);
    } else if (datastore instanceof DatastoreSpec.DynamoPointInTime pitr) {
      return dynamo(stack, target, pitr, id);
    } else if (datastore instanceof DatastoreSpec.DynamoFromBackup restored) {
      TerraformOutput.Builder.create(stack, id + "_table").value(restored.tableName())
          .description("restored by Phoenix through the SDK from " + restored.backupArn()).build();
      return Names.literal(restored.tableName());
    }
    throw new IllegalArgumentException("unknown datastore kind " + datastore);
  }

  private static String rds(TerraformStack stack, TargetOptions target, DatastoreSpec.RdsInstance rds,
      NetworkRefs refs, String id) {
    DbSubnetGroup subnets = DbSubnetGroup.Builder.create(stack, id + "_subnets")
        .name(Names.scoped(target, rds.name() + "-db", Names.LONG_MAX))
        .subnetIds(refs.privateSubnetIds())
        .build();
    SecurityGroup group = SecurityGroup.Builder.create(stack, id + "_sg")
        .name(Names.scoped(target, rds.name() + "-db", Names.LONG_MAX))
        .description("phoenix datastore " + rds.name() + ", reachable from the services only")
        .vpcId(refs.vpcId())
        .ingress(List.of(SecurityGroupIngress.builder().protocol("tcp").fromPort(rds.port()).toPort(rds.port())
            .securityGroups(List.of(refs.serviceSecurityGroupId())).cidrBlocks(List.of())
            .ipv6CidrBlocks(List.of()).prefixListIds(List.of()).selfAttribute(false).description("").build()))
        .egress(List.of(SecurityGroupEgress.builder().protocol("-1").fromPort(0).toPort(0)
            .cidrBlocks(List.of("0.0.0.0/0")).ipv6CidrBlocks(List.of()).prefixListIds(List.of())
            .securityGroups(List.of()).selfAttribute(false).description("").build()))
        .build();
    DbInstance.Builder db = DbInstance.Builder.create(stack, id)
        .identifier(Names.scoped(target, rds.name(), RDS_MAX))
        .engine(rds.engine())
        .instanceClass(rds.instanceClass())
        .port(rds.port())
        .dbSubnetGroupName(subnets.getName())
        .vpcSecurityGroupIds(List.of(group.getId()))
        .publiclyAccessible(false)
        .skipFinalSnapshot(true)
        .deletionProtection(false)
        .applyImmediately(true);
    if (rds.snapshotIdentifier() != null) {
      db.snapshotIdentifier(Names.literal(rds.snapshotIdentifier()))
          .tags(Map.of(DATASTORE_TAG, rds.name(), RESTORED_FROM_TAG, Names.literal(rds.snapshotIdentifier())));
    } else {
      db.restoreToPointInTime(DbInstanceRestoreToPointInTime.builder()
              .sourceDbInstanceIdentifier(Names.literal(rds.sourceInstance()))
              .restoreTime(DatastoreSpec.rfc3339(rds.restoreTime()))
              .build())
          .tags(Map.of(DATASTORE_TAG, rds.name(), RESTORED_FROM_TAG,
              Names.literal(rds.sourceInstance()) + "@" + DatastoreSpec.rfc3339(rds.restoreTime())));
    }
    DbInstance built = db.build();
    TerraformOutput.Builder.create(stack, id + "_address").value(built.getAddress()).build();
    String hostPort = built.getAddress() + ":" + Token.asString(built.getPort());
    return rds.engine().startsWith("postgres") ? "postgres://" + hostPort + "/postgres" : hostPort;
  }

  private static String dynamo(TerraformStack stack, TargetOptions target, DatastoreSpec.DynamoPointInTime pitr,
      String id) {
    List<DynamodbTableAttribute> attributes = new ArrayList<>();
    pitr.keyTypes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        attributes.add(DynamodbTableAttribute.builder().name(Names.literal(e.getKey())).type(e.getValue()).build()));
    DynamodbTable.Builder table = DynamodbTable.Builder.create(stack, id)
        .name(Names.scoped(target, pitr.name(), Names.LONG_MAX))
        .billingMode("PAY_PER_REQUEST")
        .hashKey(Names.literal(pitr.hashKey()))
        .attribute(attributes)
        .restoreSourceName(Names.literal(pitr.sourceTable()))
        .restoreDateTime(DatastoreSpec.rfc3339(pitr.restoreTime()))
        .tags(Map.of(DATASTORE_TAG, pitr.name(), RESTORED_FROM_TAG,
            Names.literal(pitr.sourceTable()) + "@" + DatastoreSpec.rfc3339(pitr.restoreTime())));
    if (pitr.rangeKey() != null) {
      table.rangeKey(Names.literal(pitr.rangeKey()));
    }
    DynamodbTable built = table.build();
    TerraformOutput.Builder.create(stack, id + "_table").value(built.getName()).build();
    return built.getName();
  }
}
