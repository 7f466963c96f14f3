package dev.phoenix.rebuild.aws;

import dev.phoenix.aws.ssm.SsmParameters;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import dev.phoenix.synth.FunctionSpec;
import dev.phoenix.synth.Grants;
import dev.phoenix.synth.ServiceSpec;
import dev.phoenix.synth.StackSpec;
import dev.phoenix.synth.SynthRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blueprints + lockfile + target options → {@link SynthRequest}. Images by the lockfile's digest;
 * services' secrets as ECS {@code valueFrom} ARNs (a Secrets Manager ARN pinned to its versionId;
 * an SSM parameter ARN, materialized into a rebuild-scoped parameter when the pinned version is
 * not the current one, because ECS always reads an SSM parameter's latest version); functions'
 * environment holds references (name and version), never values; grants name exactly the
 * parameters and secrets used.
 */
final class RequestMapper {
  /** Root of rebuild-scoped copies: {@code /phoenix-rebuild/<namePrefix>/<original>/v<version>}. */
  static final String MATERIALIZED_ROOT = "/phoenix-rebuild/";

  private final AwsSettings settings;
  private final ConfigRefs refs;
  private final String commit;
  private final boolean write;
  private final List<String> materialized = new ArrayList<>();

  /**
   * {@code write}: copy pinned versions into their rebuild-scoped parameters now (an apply); false
   * (a plan): only name them — their ARNs are known without writing, and nothing in the account
   * changes until an apply.
   */
  RequestMapper(AwsSettings settings, ConfigRefs refs, String commit, boolean write) {
    this.settings = settings;
    this.refs = refs;
    this.commit = commit;
    this.write = write;
  }

  List<String> materialized() {
    return List.copyOf(materialized);
  }

  SynthRequest map(Estate estate) {
    Lockfile lock = estate.lockfile();
    List<StackSpec> stacks = new ArrayList<>();
    for (Stack stack : estate.stacks()) {
      List<ServiceSpec> services = new ArrayList<>();
      for (Stack.Service s : stack.services()) {
        services.add(service(s, lock));
      }
      List<FunctionSpec> functions = new ArrayList<>();
      for (Stack.Function f : stack.functions()) {
        functions.add(function(f, lock));
      }
      stacks.add(new StackSpec(stack.name(), stack.dependsOn(), services, functions));
    }
    try {
      return new SynthRequest(settings.target(), stacks);
    } catch (IllegalArgumentException e) {
      throw PhoenixException.input("the estate cannot be synthesized for aws: " + e.getMessage(), null);
    }
  }

  private ServiceSpec service(Stack.Service s, Lockfile lock) {
    Artefact.ContainerImage image = (Artefact.ContainerImage) lock.artefacts().get(s.artefact());
    AwsSettings.Size size = settings.sizes().getOrDefault(s.name(), new AwsSettings.Size(null, null, null));
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    List<String> params = new ArrayList<>();
    List<String> secretArns = new ArrayList<>();
    config(lock, s.config()).forEach((name, source) -> {
      if (source instanceof ConfigSource.PlainValue v) {
        env.put(name, v.value());
      } else if (source instanceof ConfigSource.SecretVersion sv) {
        String arn = refs.secretArn(sv.secretId(), sv.versionId());
        secrets.put(name, arn + ":::" + sv.versionId());
        secretArns.add(arn);
      } else if (source instanceof ConfigSource.SsmParameter p) {
        String arn = serviceParameter(p);
        secrets.put(name, arn);
        params.add(arn);
      }
    });
    return spec(() -> new ServiceSpec(s.name(), image.image().digestReference(), s.port(), s.health(),
        or(size.cpu(), s.cpu()), or(size.memory(), s.memory()), or(size.replicas(), s.replicas()), env, secrets,
        new Grants(params, secretArns)));
  }

  private String serviceParameter(ConfigSource.SsmParameter p) {
    ConfigRefs.Param current = refs.parameter(p.name());
    if (current.currentVersion() == null || current.currentVersion() == p.version()) {
      return current.arn();
    }
    String target = MATERIALIZED_ROOT + settings.target().namePrefix()
        + (p.name().startsWith("/") ? p.name() : "/" + p.name()) + "/v" + p.version();
    String copy = "ssm:" + p.name() + ":" + p.version() + " (current is " + current.currentVersion() + ") -> " + target;
    if (!write) {
      materialized.add(copy + " (written when applied)");
      return SsmParameters.arnBeside(current.arn(), target);
    }
    String arn = refs.materialize(p.name(), p.version(), target,
        "phoenix rebuild: copy of " + p.name() + " version " + p.version() + " (lockfile commit "
            + commit.substring(0, Math.min(12, commit.length())) + ")");
    materialized.add(copy);
    return arn;
  }

  private FunctionSpec function(Stack.Function f, Lockfile lock) {
    Artefact.LambdaPackage pkg = (Artefact.LambdaPackage) lock.artefacts().get(f.artefact());
    AwsSettings.Size size = settings.sizes().getOrDefault(f.name(), new AwsSettings.Size(null, null, null));
    Map<String, String> env = new LinkedHashMap<>();
    List<String> params = new ArrayList<>();
    List<String> secretArns = new ArrayList<>();
    config(lock, f.config()).forEach((name, source) -> {
      if (source instanceof ConfigSource.PlainValue v) {
        env.put(name, v.value());
      } else if (source instanceof ConfigSource.SecretVersion sv) {
        String arn = refs.secretArn(sv.secretId(), sv.versionId());
        env.put(name, "secret:" + arn + ":" + sv.versionId());
        secretArns.add(arn);
      } else if (source instanceof ConfigSource.SsmParameter p) {
        params.add(refs.parameter(p.name()).arn());
        env.put(name, "ssm:" + p.name() + ":" + p.version());
      }
    });
    return spec(() -> new FunctionSpec(f.name(), pkg.s3().bucket(), pkg.s3().key(), pkg.s3().versionId(),
        f.handler(), f.runtime(), or(size.memory(), f.memory()), env, new Grants(params, secretArns)));
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
