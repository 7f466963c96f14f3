package dev.phoenix.rebuild.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.dynamodb.DynamoService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.PhoenixException.Kind;
import dev.phoenix.engine.ApplyResult;
import dev.phoenix.engine.Output;
import dev.phoenix.engine.StateResource;
import dev.phoenix.rebuild.Confirm;
import dev.phoenix.rebuild.FileTargetLock;
import dev.phoenix.rebuild.Progress;
import dev.phoenix.rebuild.TargetContext;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TargetsFile;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.synth.Marker;
import dev.phoenix.synth.SynthRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code phoenix teardown --target aws}: destroys exactly what {@code rebuild --target aws}
 * created for an environment — the resources in the state of its configuration under {@code
 * <out>/<env>/aws/stacks/environment}, then the rebuild-scoped SSM copies it materialized
 * (parameters under {@code /phoenix-rebuild/<name prefix>/} tagged {@code phoenix:rebuild}) and the
 * DynamoDB tables it restored from on-demand backups through the SDK ({@code <name prefix>-<datastore>-<drill
 * id>} tagged {@code phoenix:rebuild}, of this drill only) — and nothing else. A state without Phoenix's {@value Marker#OUTPUT} output for this environment is
 * refused untouched.
 */
public final class AwsTeardown {

  /**
   * @param environment the environment
   * @param workDir the configuration's working directory
   * @param destroyed how many resources the engine destroyed (0 when the state was empty)
   * @param copiesDeleted names of the SSM copies deleted
   * @param tablesDeleted the DynamoDB tables restored through the SDK for this drill, deleted
   */
  public record Result(String environment, Path workDir, int destroyed, List<String> copiesDeleted,
      List<String> tablesDeleted) {

    /** Without restored tables. */
    public Result(String environment, Path workDir, int destroyed, List<String> copiesDeleted) {
      this(environment, workDir, destroyed, copiesDeleted, List.of());
    }
  }

  /**
   * @param environment the environment torn down
   * @param workTree repository working tree (for {@code environments/<env>/targets.yaml})
   * @param out the {@code --out} directory the rebuild used
   * @param flags target options given as flags
   * @param engine {@code --engine} choice or null
   * @param engineTimeout limit of each engine command
   */
  public record Request(String environment, Path workTree, Path out, Map<String, String> flags, String engine,
      Duration engineTimeout) {}

  private final TerraformDeployer deployer;
  private final ConfigServices services; // null: an SSM client of its own for the copies
  private final java.util.function.Function<String, DynamoService> dynamo; // null: a client of its own

  public AwsTeardown() {
    this(new TerraformDeployer());
  }

  public AwsTeardown(TerraformDeployer deployer) {
    this(deployer, null);
  }

  /** Materialized copies deleted through the run's SSM service (the command's store clients). */
  public AwsTeardown(TerraformDeployer deployer, ConfigServices services) {
    this(deployer, services, null);
  }

  /** Also the restored tables deleted through the run's DynamoDB service by region (the command's store clients). */
  public AwsTeardown(TerraformDeployer deployer, ConfigServices services,
      java.util.function.Function<String, DynamoService> dynamo) {
    this.deployer = deployer;
    this.services = services;
    this.dynamo = dynamo;
  }

  public Result run(Request request, Confirm confirm, Progress progress) {
    String env = request.environment();
    TargetSettings settings = TargetsFile.read(request.workTree(), env, "aws").withFlags(request.flags());
    AwsSettings aws = AwsSettings.from(settings, env);
    Path targetDir = request.out().resolve(env).resolve("aws");
    Path workDir = targetDir.resolve("stacks").resolve(SynthRequest.ROOT_STACK);
    if (!Files.isRegularFile(workDir.resolve("cdk.tf.json"))) {
      throw PhoenixException.input("no AWS rebuild of " + env + " under " + request.out() + " (no "
          + workDir.resolve("cdk.tf.json") + ")", "give --out as the rebuild had it; nothing was destroyed");
    }
    TargetContext ctx = new TargetContext(env, targetDir, settings, true, false, request.engine(),
        request.engineTimeout(), confirm, progress, "teardown", started -> {});
    try (FileTargetLock lock = FileTargetLock.acquire(request.out(), env, "aws", "phoenix teardown", progress::line)) {
      progress.line(lock.describe());
      return deployer.withEngine(ctx, workDir, AwsTarget.engineEnvironment(aws), engine -> {
        List<StateResource> resources = engine.stateResources(workDir);
        Map<String, Output> outputs = engine.outputs(workDir);
        Optional<String> prefix = markedPrefix(outputs, env);
        if (!resources.isEmpty() && prefix.isEmpty()) {
          throw new PhoenixException(Kind.INPUT, "refusing to destroy the state of " + workDir + ": it has "
              + resources.size() + " resource(s) but no " + Marker.OUTPUT + " output saying phoenix rebuild --env "
              + env + " wrote it", "it was not written by a Phoenix rebuild of " + env + "; nothing was destroyed");
        }
        int destroyed = 0;
        if (!resources.isEmpty()) {
          if (!confirm.ask("destroy " + resources.size() + " resource(s) of the AWS rebuild of " + env + "?")) {
            throw PhoenixException.input("teardown declined; nothing was destroyed", null);
          }
          progress.line("destroy " + resources.size() + " resource(s) in " + workDir);
          ApplyResult result = engine.destroy(workDir);
          destroyed = result.changes().destroy();
        }
        String namePrefix = prefix.orElse(aws.target().namePrefix());
        Optional<String> drill = DrillScope.fixed(targetDir);
        String copies = drill.map(id -> RequestMapper.materializedRoot(namePrefix, id))
            .orElse(RequestMapper.MATERIALIZED_ROOT + namePrefix + "/");
        List<String> deleted = deleteCopies(aws, copies);
        deleted.forEach(name -> progress.line("deleted materialized copy " + name));
        List<String> tables = drill.map(id -> deleteRestoredTables(aws, namePrefix, id)).orElse(List.of());
        tables.forEach(name -> progress.line("deleted restored table " + name));
        DrillScope.clear(targetDir); // the drill is gone: the next rebuild into this out dir is a new one
        return new Result(env, workDir, destroyed, deleted, tables);
      });
    }
  }

  /** The name prefix of the marker output when it says Phoenix wrote this state for {@code env}. */
  static Optional<String> markedPrefix(Map<String, Output> outputs, String env) {
    Output marker = outputs.get(Marker.OUTPUT);
    if (marker == null || marker.value() == null) {
      return Optional.empty();
    }
    JsonNode value = marker.value();
    if (!Marker.MANAGED_BY.equals(value.path("managed_by").asText()) || !env.equals(value.path("environment").asText())
        || value.path("name_prefix").asText("").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(value.path("name_prefix").asText());
  }

  /** The tables {@code DatastoreRestores} restored for drill {@code drillId}: {@code <prefix>-…-<drill id>}, tagged. */
  private List<String> deleteRestoredTables(AwsSettings aws, String namePrefix, String drillId) {
    if (aws.offline()) {
      return List.of();
    }
    java.util.function.Function<DynamoService, List<String>> delete = service -> {
      List<String> tables = service.restores().restoredTables(namePrefix + "-").stream()
          .filter(t -> t.endsWith("-" + drillId)).toList();
      service.restores().delete(tables);
      return tables;
    };
    if (dynamo != null) {
      return delete.apply(dynamo.apply(aws.target().region()));
    }
    AwsConfig config = AwsConfig.defaults().withRegion(aws.target().region());
    try (DynamoService service = DynamoService.connect(aws.endpoint().map(config::withEndpoint).orElse(config))) {
      return delete.apply(service);
    }
  }

  private List<String> deleteCopies(AwsSettings aws, String path) {
    if (aws.offline()) {
      return List.of();
    }
    if (services != null) {
      SsmService ssm = services.ssm(aws.configRegion());
      List<String> copies = ssm.parameters().rebuildCopiesUnder(path);
      ssm.parameters().delete(copies);
      return copies;
    }
    AwsConfig config = AwsConfig.defaults().withRegion(aws.configRegion());
    config = aws.endpoint().map(config::withEndpoint).orElse(config);
    try (SsmService ssm = SsmService.connect(config)) {
      List<String> copies = ssm.parameters().rebuildCopiesUnder(path);
      ssm.parameters().delete(copies);
      return copies;
    }
  }
}
