package dev.phoenix.rebuild.aws;

import dev.phoenix.aws.ssm.SsmParameters;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import dev.phoenix.synth.DatastoreSpec;
import dev.phoenix.synth.FunctionSpec;
import dev.phoenix.synth.Grants;
import dev.phoenix.synth.Scope;
import dev.phoenix.synth.ServiceSpec;
import dev.phoenix.synth.StackSpec;
import dev.phoenix.synth.SynthRequest;
import dev.phoenix.synth.TaskRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blueprints + lockfile + target options → {@link SynthRequest}. Images by the lockfile's digest;
 * services' secrets as ECS {@code valueFrom} ARNs (a Secrets Manager ARN pinned to its versionId;
 * an SSM parameter ARN, materialized into a drill-scoped parameter when the pinned version is not
 * the current one, because ECS always reads an SSM parameter's latest version); functions'
 * environment holds references (ARN and version), never values; grants name exactly the
 * parameters, secrets and customer-managed KMS keys used; names and tags carry the drill's {@link
 * Scope}.
 */
final class RequestMapper {
  /**
   * Root of drill-scoped copies: {@code /phoenix-rebuild/<namePrefix>-<drillId>/<original>/v<version>}
   * in the config region; teardown of the drill removes everything under its root.
   */
  static final String MATERIALIZED_ROOT = "/phoenix-rebuild/";

  private final AwsSettings settings;
  private final ConfigRefs refs;
  private final Scope scope;
  private final boolean write;
  private final List<String> materialized = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * {@code write}: copy pinned versions into their drill-scoped parameters now (an apply); false
   * (a plan): only name them — their ARNs are known without writing, and nothing in the account
   * changes until an apply.
   */
  RequestMapper(AwsSettings settings, ConfigRefs refs, Scope scope, boolean write) {
    this.settings = settings;
    this.refs = refs;
    this.scope = scope;
    this.write = write;
  }

  List<String> materialized() {
    return List.copyOf(materialized);
  }

  /** Config this target leaves unset: a {@code {datastore: NAME}} whose datastore it does not restore. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** The parameter path under which this drill's materialized copies live. */
  static String materializedRoot(String namePrefix, String drillId) {
    return MATERIALIZED_ROOT + namePrefix + "-" + drillId + "/";
  }

  SynthRequest map(Estate estate) {
    return map(estate, Map.of());
  }

  /** {@code datastores}: each stack's restored datastores, already chosen ({@link DatastoreRestores}). */
  SynthRequest map(Estate estate, Map<String, List<DatastoreSpec>> datastores) {
    Lockfile lock = estate.lockfile();
    java.util.Set<String> restored = new java.util.HashSet<>();
    datastores.values().forEach(specs -> specs.forEach(d -> restored.add(d.name())));
    List<StackSpec> stacks = new ArrayList<>();
    for (Stack stack : estate.stacks()) {
      List<ServiceSpec> services = new ArrayList<>();
      for (Stack.Service s : stack.services()) {
        services.add(service(s, lock, restored));
      }
      List<FunctionSpec> functions = new ArrayList<>();
      for (Stack.Function f : stack.functions()) {
        functions.add(function(f, lock));
      }
      stacks.add(new StackSpec(stack.name(), stack.dependsOn(), services, functions,
          datastores.getOrDefault(stack.name(), List.of())));
    }
    try {
      return new SynthRequest(settings.target().withScope(scope), stacks);
    } catch (IllegalArgumentException e) {
      throw PhoenixException.input("the estate cannot be synthesized for aws: " + e.getMessage(), null);
    }
  }

  private ServiceSpec service(Stack.Service s, Lockfile lock, java.util.Set<String> restored) {
    Artefact.ContainerImage image = (Artefact.ContainerImage) lock.artefacts().get(s.artefact());
    AwsSettings.Size size = settings.sizes().getOrDefault(s.name(), new AwsSettings.Size(null, null, null));
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    List<String> params = new ArrayList<>();
    List<String> secretArns = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Map<String, String> datastores = new LinkedHashMap<>();
    config(lock, s.config()).forEach((name, source) -> {
      if (source instanceof ConfigSource.PlainValue v) {
        env.put(name, v.value());
      } else if (source instanceof ConfigSource.DatastoreAddress d) {
        if (restored.contains(d.datastore())) {
          datastores.put(name, d.datastore());
        } else {
          notes.add("service " + s.name() + ": " + name + " ({datastore: " + d.datastore()
              + "}) left unset: this rebuild restores no datastore " + d.datastore() + " on aws");
        }
      } else if (source instanceof ConfigSource.SecretVersion sv) {
        ConfigRefs.Secret secret = refs.secret(sv.secretId());
        secrets.put(name, secret.arn() + ":::" + sv.versionId());
        secretArns.add(secret.arn());
        KmsKeys.arn(secret.kmsKeyId(), secret.arn()).ifPresent(keys::add);
      } else if (source instanceof ConfigSource.SsmParameter p) {
        ConfigRefs.Param param = serviceParameter(p);
        secrets.put(name, param.arn());
        params.add(param.arn());
        KmsKeys.arn(param.kmsKeyId(), param.arn()).ifPresent(keys::add);
      }
    });
    String credentials = null;
    String credentialsId = settings.resources().registryCredentials().get(image.image().registry());
    if (credentialsId != null) {
      ConfigRefs.Secret secret = refs.secret(credentialsId);
      credentials = secret.arn();
      KmsKeys.arn(secret.kmsKeyId(), secret.arn()).ifPresent(keys::add);
    }
    String repositoryCredentials = credentials;
    return spec(() -> new ServiceSpec(s.name(), image.image().digestReference(), image.version(), s.port(),
        s.health(), s.healthGrace(), or(size.cpu(), s.cpu()), or(size.memory(), s.memory()),
        or(size.replicas(), s.replicas()), env, secrets, new Grants(params, secretArns, keys), repositoryCredentials,
        new TaskRole(s.taskPolicies()), datastores));
  }

  /** The parameter a service references: the original when current, else its drill-scoped copy. */
  private ConfigRefs.Param serviceParameter(ConfigSource.SsmParameter p) {
    ConfigRefs.Param current = refs.parameter(p.name());
    if (current.currentVersion() == null || current.currentVersion() == p.version()) {
      return current;
    }
    String target = materializedRoot(settings.target().namePrefix(), scope.drillId())
        + (p.name().startsWith("/") ? p.name().substring(1) : p.name()) + "/v" + p.version();
    String copy = "ssm:" + p.name() + ":" + p.version() + " (current is " + current.currentVersion() + ") -> " + target;
    if (!write) {
      materialized.add(copy + " (written when applied)");
      return new ConfigRefs.Param(SsmParameters.arnBeside(current.arn(), target), null, current.kmsKeyId());
    }
    String arn = refs.materialize(p.name(), p.version(), target,
        "phoenix rebuild: copy of " + p.name() + " version " + p.version() + " (lockfile commit "
            + scope.commit().substring(0, Math.min(12, scope.commit().length())) + ", drill " + scope.drillId() + ")");
    materialized.add(copy);
    return new ConfigRefs.Param(arn, null, current.kmsKeyId());
  }

  private FunctionSpec function(Stack.Function f, Lockfile lock) {
    Artefact.LambdaPackage pkg = (Artefact.LambdaPackage) lock.artefacts().get(f.artefact());
    AwsSettings.Size size = settings.sizes().getOrDefault(f.name(), new AwsSettings.Size(null, null, null));
    Map<String, String> env = new LinkedHashMap<>();
    List<String> params = new ArrayList<>();
    List<String> secretArns = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    config(lock, f.config()).forEach((name, source) -> {
      if (source instanceof ConfigSource.PlainValue v) {
        env.put(name, v.value());
      } else if (source instanceof ConfigSource.DatastoreAddress d) {
        notes.add("function " + f.name() + ": " + name + " ({datastore: " + d.datastore()
            + "}) left unset: functions are not given datastore addresses on aws");
      } else if (source instanceof ConfigSource.SecretVersion sv) {
        ConfigRefs.Secret secret = refs.secret(sv.secretId());
        env.put(name, FunctionSpec.SECRET_REF + secret.arn() + ":" + sv.versionId());
        secretArns.add(secret.arn());
        KmsKeys.arn(secret.kmsKeyId(), secret.arn()).ifPresent(keys::add);
      } else if (source instanceof ConfigSource.SsmParameter p) {
        ConfigRefs.Param param = refs.parameter(p.name());
        params.add(param.arn());
        env.put(name, FunctionSpec.SSM_REF + param.arn() + ":" + p.version());
        KmsKeys.arn(param.kmsKeyId(), param.arn()).ifPresent(keys::add);
      }
    });
    return spec(() -> new FunctionSpec(f.name(), pkg.version(), pkg.s3().bucket(), pkg.s3().key(),
        pkg.s3().versionId(), pkg.s3().sha256(), f.handler(), f.runtime(), or(size.memory(), f.memory()), f.timeout(),
        env, new Grants(params, secretArns, keys)));
  }

  private static Map<String, ConfigSource> config(Lockfile lock, String block) {
    return block == null ? Map.of() : lock.config().getOrDefault(block, Map.of());
  }

  private static int or(Integer override, int blueprint) {
    return override == null ? blueprint : override;
  }

  private static <T> T spec(java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw PhoenixException.input("the estate cannot be synthesized for aws: " + e.getMessage(), null);
    }
  }
}
