package dev.phoenix.aws.ssm;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;

/**
 * The versions of one parameter and their labels, from GetParameterHistory with
 * WithDecryption=false, all pages. Values in the response are never read.
 */
final class SsmHistory {
  static final Set<String> NOT_FOUND = Set.of("ParameterNotFound", "ParameterVersionNotFound");
  private final SsmClient ssm;

  SsmHistory(SsmClient ssm) {
    this.ssm = ssm;
  }

  /** version → labels, oldest first. Throws AwsException (notFound) when the parameter does not exist. */
  SortedMap<Long, List<String>> versions(String name) {
    SortedMap<Long, List<String>> out = new TreeMap<>();
    try {
      for (var page : ssm.getParameterHistoryPaginator(b -> b.name(name).withDecryption(false).maxResults(50))) {
        for (ParameterHistory h : page.parameters()) {
          out.put(h.version(), List.copyOf(h.labels()));
        }
      }
    } catch (SdkException e) {
      throw translate("GetParameterHistory " + name, e, true);
    }
    return out;
  }

  /** {@code serviceMessageIsSafe} false for calls that carry a value (validation errors echo input). */
  static AwsException translate(String operation, SdkException e, boolean serviceMessageIsSafe) {
    return new AwsException(operation, AwsFailure.of(e, NOT_FOUND, false, serviceMessageIsSafe), null);
  }
}
