package dev.phoenix.aws.ssm;

import dev.phoenix.core.PhoenixException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * SSM Parameter Store for rebuilds: a parameter's ARN and current version, and materializing one
 * pinned version into a rebuild-scoped parameter (ECS cannot pin an SSM version in
 * {@code valueFrom}). Values are read and written inside {@link #copyVersion} only, never
 * returned, logged or put in a message: errors of calls that carry a value drop AWS's own text,
 * which can echo request values.
 */
public final class SsmParameters {
  /** Tag on every parameter Phoenix writes for a rebuild. */
  public static final String REBUILD_TAG = "phoenix:rebuild";

  /** @param arn the parameter's ARN; @param version its current (latest) version; @param type String or SecureString */
  public record Info(String arn, long version, String type) {}

  private final SsmClient client;

  SsmParameters(SsmClient client) {
    this.client = client;
  }

  /**
   * The ARN {@code target} has (or will have) in the same account and region as the parameter
   * {@code sameAccountArn}: {@code arn:…:parameter/<target without its leading slash>}.
   */
  public static String arnBeside(String sameAccountArn, String target) {
    int at = sameAccountArn.indexOf(":parameter");
    if (at < 0) {
      throw new IllegalArgumentException("not an SSM parameter ARN: " + sameAccountArn);
    }
    return sameAccountArn.substring(0, at) + ":parameter" + (target.startsWith("/") ? target : "/" + target);
  }

  /** The parameter's ARN and current version, without decryption. */
  public Info describe(String name) {
    return info(get(name, false));
  }

  /**
   * The KMS key a SecureString parameter is encrypted with, as DescribeParameters names it (key id,
   * key ARN, alias), or empty for a String/StringList or none reported.
   */
  public Optional<String> keyId(String name) {
    try {
      // every page: DescribeParameters may answer a page without the match and a NextToken (best effort per page)
      for (var page : client.describeParametersPaginator(b -> b.parameterFilters(ParameterStringFilter.builder()
              .key("Name").option("Equals").values(name).build()))) {
        Optional<ParameterMetadata> found = page.parameters().stream().filter(p -> name.equals(p.name())).findFirst();
        if (found.isPresent()) {
          return found.map(ParameterMetadata::keyId).filter(k -> !k.isBlank());
        }
      }
      return Optional.empty();
    } catch (SdkException e) {
      throw SsmHistory.translate("DescribeParameters " + name, e, true);
    }
  }

  /**
   * Makes {@code target} hold exactly the value of {@code name} at {@code version} (same type and,
   * for a SecureString, the original's KMS key), writing a new version only when it does not hold
   * it already, and tags it {@value #REBUILD_TAG}.
   */
  public Info copyVersion(String name, long version, String target, String description) {
    Parameter pinned = get(name + ":" + version, true);
    Optional<Parameter> existing = find(target);
    if (existing.isPresent() && pinned.value().equals(existing.get().value())
        && pinned.typeAsString().equals(existing.get().typeAsString())) {
      return info(existing.get());
    }
    Optional<String> key = pinned.type() == ParameterType.SECURE_STRING ? keyId(name) : Optional.empty();
    try {
      client.putParameter(b -> b.name(target).value(pinned.value()).type(pinned.type()).overwrite(true)
          .description(description).keyId(key.orElse(null)));
    } catch (SdkException e) {
      throw SsmHistory.translate("PutParameter " + target, e, false);
    }
    try {
      client.addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(target)
          .tags(Tag.builder().key(REBUILD_TAG).value("true").build()));
    } catch (SdkException e) {
      throw SsmHistory.translate("AddTagsToResource " + target, e, true);
    }
    return info(get(target, false));
  }

  /**
   * Names of the parameters under {@code path} (recursively) that carry {@value #REBUILD_TAG}:
   * what rebuilds wrote there. Reads metadata only (DescribeParameters), never a value.
   */
  public List<String> rebuildCopiesUnder(String path) {
    List<String> names = new ArrayList<>();
    try {
      client.describeParametersPaginator(b -> b.parameterFilters(ParameterStringFilter.builder().key("Path")
              .option("Recursive").values(path.endsWith("/") ? path.substring(0, path.length() - 1) : path).build()))
          .stream().forEach(page -> page.parameters().forEach(p -> names.add(p.name())));
    } catch (SdkException e) {
      throw SsmHistory.translate("DescribeParameters " + path, e, true);
    }
    List<String> copies = new ArrayList<>();
    for (String name : names) {
      try {
        boolean tagged = client.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
            .resourceId(name)).tagList().stream().anyMatch(t -> REBUILD_TAG.equals(t.key()));
        if (tagged) {
          copies.add(name);
        }
      } catch (SdkException e) {
        throw SsmHistory.translate("ListTagsForResource " + name, e, true);
      }
    }
    return copies;
  }

  /** Deletes the named parameters (every version); names already gone are no error. */
  public void delete(List<String> names) {
    for (int i = 0; i < names.size(); i += 10) {
      List<String> batch = names.subList(i, Math.min(names.size(), i + 10));
      try {
        client.deleteParameters(b -> b.names(batch));
      } catch (SdkException e) {
        throw SsmHistory.translate("DeleteParameters " + batch, e, true);
      }
    }
  }

  private Optional<Parameter> find(String name) {
    try {
      return Optional.of(client.getParameter(b -> b.name(name).withDecryption(true)).parameter());
    } catch (ParameterNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameter " + name, e, true);
    }
  }

  private Parameter get(String name, boolean decrypt) {
    try {
      return client.getParameter(b -> b.name(name).withDecryption(decrypt)).parameter();
    } catch (ParameterNotFoundException | ParameterVersionNotFoundException e) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "SSM parameter " + name + " does not exist",
          "run phoenix verify; the pinned version may have been deleted (SSM keeps the last 100)");
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameter " + name, e, true);
    }
  }

  private static Info info(Parameter p) {
    return new Info(p.arn(), p.version(), p.typeAsString());
  }
}
