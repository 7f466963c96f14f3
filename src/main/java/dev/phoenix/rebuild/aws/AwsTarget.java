package dev.phoenix.rebuild.aws;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.rebuild.Deployed;
import dev.phoenix.rebuild.Prepared;
import dev.phoenix.rebuild.Resolved;
import dev.phoenix.rebuild.Target;
import dev.phoenix.rebuild.TargetContext;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.synth.Scope;
import dev.phoenix.synth.SynthException;
import dev.phoenix.synth.SynthRequest;
import dev.phoenix.synth.SynthResult;
import dev.phoenix.synth.Synthesizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --target aws}: CDKTF synthesis of the environment (the shared network part and every
 * blueprint's members) as one Terraform configuration with one state under {@code
 * <out>/<env>/aws/stacks/environment/}, run by {@link TerraformDeployer}.
 */
public final class AwsTarget implements Target {
  private final TerraformDeployer deployer;
  private final ConfigServices services; // null: SSM/Secrets Manager clients of its own per synthesis
  private final DatastoreRestores restores; // null: RDS/DynamoDB clients of its own per synthesis

  public AwsTarget() {
    this(new TerraformDeployer());
  }

  public AwsTarget(TerraformDeployer deployer) {
    this(deployer, null);
  }

  /** Config lookups and materialization on the run's services (the command's store clients). */
  public AwsTarget(TerraformDeployer deployer, ConfigServices services) {
    this(deployer, services, null);
  }

  /**
   * Config lookups and materialization on the run's services, and the datastores' restore points
   * and SDK restores on the run's RDS and DynamoDB services (the command's store clients).
   */
  public AwsTarget(TerraformDeployer deployer, ConfigServices services, DatastoreRestores restores) {
    this.deployer = deployer;
    this.services = services;
    this.restores = restores;
  }

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public void validate(TargetSettings settings, String environment, boolean apply) {
    AwsSettings aws = AwsSettings.from(settings, environment);
    deployer.providerMirror(settings);
    if (aws.offline() && apply) {
      throw PhoenixException.input("offline synthesis cannot be applied: its ARNs were not looked up",
          "drop offline (and --offline) to apply, or drop --apply to only look at the synthesis");
    }
  }

  @Override
  public Prepared synthesize(Resolved resolved, TargetContext context) {
    AwsSettings aws = AwsSettings.from(context.settings(), context.environment());
    SynthRequest request;
    List<String> notes = new ArrayList<>();
    List<String> materialized;
    AwsDatastores.Chosen datastores;
    try (ConfigRefs refs = aws.offline() ? new OfflineConfigRefs(aws.configRegion(),
        aws.target().accountId().orElse(null))
        : services != null ? new AwsConfigRefs(services, aws.configRegion())
        : new AwsConfigRefs(aws.endpoint(), aws.configRegion())) {
      Scope scope = new Scope(context.environment(),
          DrillScope.drillId(context.outDir(), aws.resources().drill(), context.drillId()), resolved.commit());
      datastores = datastores(resolved, aws, scope.drillId(), context.apply(), context.started());
      RequestMapper mapper = new RequestMapper(aws, refs, scope, context.apply() && !aws.offline());
      request = mapper.map(resolved.estate(), datastores.byStack()).withEnvironment(context.environment())
          .withEmulator(aws.emulator());
      materialized = mapper.materialized();
      notes.addAll(refs.notes());
      notes.addAll(mapper.notes());
    }
    materialized.forEach(m -> context.progress().line((context.apply() ? "materialized " : "to materialize ") + m));
    datastores.notes().forEach(n -> context.progress().line("datastore " + n));
    notes.addAll(datastores.notes());
    SynthResult result;
    try {
      result = new Synthesizer().synthesize(request, context.outDir(), SynthKey.of(resolved));
    } catch (SynthException e) {
      boolean runtime = e.getMessage() != null && e.getMessage().startsWith("cannot start");
      throw new PhoenixException(runtime ? PhoenixException.Kind.UNAVAILABLE : PhoenixException.Kind.CHECK_FAILED,
          e.getMessage(), runtime ? "install Node.js 20+ and put node on PATH (Debian bookworm's nodejs is 18; scripts/ensure-tools checks the version)" : null, e);
    }
    if (!result.cacheHit()) {
      SynthResult.Timings t = result.timings();
      context.progress().line(String.format("synth: jsii runtime start %.2f s, constructs %.2f s, JSON %.2f s",
          t.runtimeStart().toMillis() / 1e3, t.construct().toMillis() / 1e3, t.synth().toMillis() / 1e3));
    }
    List<Prepared.PreparedStack> stacks = new ArrayList<>();
    for (Map.Entry<String, Path> s : result.stacks().entrySet()) {
      stacks.add(new Prepared.PreparedStack(s.getKey(), s.getValue().getParent()));
    }
    return new Prepared(stacks, result.cacheHit(), materialized, notes, datastores.used());
  }

  /**
   * Each datastore's data as at the rebuild's date: the restore point chosen, a DynamoDB table
   * restored from an on-demand backup through the SDK when applying (before the engine, as SSM
   * copies are made). Offline synthesis looks nothing up and restores no datastore (a note says so).
   */
  private AwsDatastores.Chosen datastores(Resolved resolved, AwsSettings aws, String drillId, boolean apply,
      java.util.function.Consumer<String> started) {
    List<String> notes = new ArrayList<>();
    List<AwsDatastoreRestore> wanted = AwsDatastores.wanted(resolved.estate(), aws.target().region(), notes);
    if (wanted.isEmpty()) {
      return AwsDatastores.Chosen.none(notes);
    }
    if (aws.offline()) {
      notes.add("offline: no datastore restored (" + wanted.size() + " declared): their backups were not looked up");
      return AwsDatastores.Chosen.none(notes);
    }
    java.time.Instant now = java.time.Instant.now();
    java.time.Instant at = AwsDatastores.dataDate(resolved, now);
    List<RestoredDatastore> restored;
    if (restores != null) {
      DatastoreRestores here = resolved.mirrorCopies() == null ? restores : restores.inMirror(resolved.mirrorCopies());
      restored = here.resolve(wanted, at, now, aws.target().namePrefix(), drillId, apply);
    } else {
      dev.phoenix.aws.AwsConfig config = dev.phoenix.aws.AwsConfig.defaults().withRegion(aws.target().region());
      dev.phoenix.aws.AwsConfig regional = aws.endpoint().map(config::withEndpoint).orElse(config);
      try (dev.phoenix.aws.rds.RdsService rds = dev.phoenix.aws.rds.RdsService.connect(regional);
          dev.phoenix.aws.dynamodb.DynamoService dynamo = dev.phoenix.aws.dynamodb.DynamoService.connect(regional)) {
        DatastoreRestores own = new DatastoreRestores(r -> rds, r -> dynamo);
        restored = (resolved.mirrorCopies() == null ? own : own.inMirror(resolved.mirrorCopies()))
            .resolve(wanted, at, now, aws.target().namePrefix(), drillId, apply);
      }
    }
    if (apply) { // what an interrupted rebuild's record must name as left behind
      restored.stream().filter(r -> r.spec() instanceof dev.phoenix.synth.DatastoreSpec.DynamoFromBackup)
          .forEach(r -> started.accept("dynamodb table "
              + ((dev.phoenix.synth.DatastoreSpec.DynamoFromBackup) r.spec()).tableName() + " restored"));
    }
    AwsDatastores.Chosen chosen = AwsDatastores.chosen(restored);
    List<String> all = new ArrayList<>(notes);
    all.addAll(chosen.notes());
    return new AwsDatastores.Chosen(chosen.byStack(), chosen.used(), all);
  }

  @Override
  public Deployed deploy(Resolved resolved, Prepared prepared, TargetContext context) {
    AwsSettings aws = AwsSettings.from(context.settings(), context.environment());
    return deployer.deploy(resolved, prepared, context, engineEnvironment(aws));
  }

  /**
   * With an {@code endpoint} (an emulator), the engine's AWS provider is pointed at it too
   * ({@code AWS_ENDPOINT_URL}): a rebuild against an emulator never reaches a real account.
   */
  static Map<String, String> engineEnvironment(AwsSettings aws) {
    return aws.endpoint().map(uri -> Map.of("AWS_ENDPOINT_URL", uri.toString())).orElse(Map.of());
  }
}
