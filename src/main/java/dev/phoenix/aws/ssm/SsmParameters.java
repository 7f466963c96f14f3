package dev.phoenix.aws.ssm;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Sensitive;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * SSM Parameter Store for rebuilds: a parameter's ARN and current version, and copying one pinned
 * version to another parameter. Values are read and written inside {@link #copyVersion} only and
 * never returned, logged or put in an exception message. SDK errors become {@link
 * PhoenixException}: not found → CHECK_FAILED, anything else → UNAVAILABLE.
 */
public final class SsmParameters implements AutoCloseable {

  /** @param arn the parameter's ARN; @param version its current (latest) version; @param type String or SecureString */
  public record Info(String arn, long version, String type) {}

  private final SsmClient client;

  SsmParameters(SsmClient client) {
    this.client = client;
  }

  /** Credentials come from the default AWS chain (environment, profile, instance role). */
  public static SsmParameters connect(Optional<URI> endpoint, String region) {
    SsmClientBuilder builder = SsmClient.builder().region(Region.of(region))
        .httpClient(UrlConnectionHttpClient.create());
    endpoint.ifPresent(builder::endpointOverride);
    return new SsmParameters(builder.build());
  }

  public Info describe(String name) {
    return info(get(name, false));
  }

  /**
   * Makes {@code target} hold exactly the value of {@code name} at {@code version} (same type),
   * writing a new version only when it does not hold it already.
   */
  public Info copyVersion(String name, long version, String target, String description) {
    Parameter pinned = get(name + ":" + version, true);
    Optional<Parameter> existing = find(target);
    if (existing.isPresent() && pinned.value().equals(existing.get().value())
        && pinned.typeAsString().equals(existing.get().typeAsString())) {
      return info(existing.get());
    }
    try {
      client.putParameter(b -> b.name(target).value(pinned.value()).type(pinned.type()).overwrite(true)
          .description(description));
    } catch (SdkException e) {
      throw unavailable("cannot write parameter " + target, e);
    }
    return info(get(target, false));
  }

  private Optional<Parameter> find(String name) {
    try {
      return Optional.of(client.getParameter(b -> b.name(name).withDecryption(true)).parameter());
    } catch (ParameterNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw unavailable("cannot read parameter " + name, e);
    }
  }

  private Parameter get(String name, boolean decrypt) {
    try {
      GetParameterResponse r = client.getParameter(b -> b.name(name).withDecryption(decrypt));
      return r.parameter();
    } catch (ParameterNotFoundException | ParameterVersionNotFoundException e) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "SSM parameter " + name + " does not exist",
          "run phoenix verify; the pinned version may have been deleted (SSM keeps the last 100)");
    } catch (SdkException e) {
      throw unavailable("cannot read SSM parameter " + name, e);
    }
  }

  private static Info info(Parameter p) {
    return new Info(p.arn(), p.version(), p.typeAsString());
  }

  private static PhoenixException unavailable(String what, SdkException e) {
    // the SDK message names the operation and error code, never a parameter value
    return new PhoenixException(PhoenixException.Kind.UNAVAILABLE, what + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")),
        "check AWS credentials, region and network", e);
  }

  // --- from branch aws (merge of rebuild's and aws's SsmParameters; both APIs kept) ---
  public static final String REBUILD_TAG = "phoenix:rebuild";

  /** The parameter types Phoenix writes. */
  public enum Type { STRING, SECURE_STRING }

  /**
   * PutParameter with Overwrite=true, then tag {@value #REBUILD_TAG}=true (SSM refuses tags together
   * with Overwrite). Failure messages never carry the value: SSM's own message is dropped.
   */
  public SsmPut putRebuildScoped(String name, Sensitive value, Type type) {
    long version;
    try {
      version = client.putParameter(b -> b.name(name).value(value.reveal()).overwrite(true)
          .type(type == Type.SECURE_STRING ? ParameterType.SECURE_STRING : ParameterType.STRING)).version();
    } catch (SdkException e) {
      throw SsmHistory.translate("PutParameter " + name, e, false);
    }
    try {
      client.addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name)
          .tags(Tag.builder().key(REBUILD_TAG).value("true").build()));
    } catch (SdkException e) {
      throw SsmHistory.translate("AddTagsToResource " + name, e, true);
    }
    return new SsmPut(parameterArn(name), version);
  }

  /** The parameter's ARN (GetParameter, WithDecryption=false; the value is dropped). */
  public String parameterArn(String name) {
    try {
      return client.getParameter(b -> b.name(name).withDecryption(false)).parameter().arn();
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameter " + name, e, true);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
