package dev.phoenix.aws.ssm;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.aws.AwsException;
import dev.phoenix.check.KeepLabels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;

/**
 * For {@code protect}: labels on parameter versions. An SSM label sits on one version of a
 * parameter at a time (labelling another version moves it), so Phoenix's label names the version:
 * {@code phoenix-keep-<env>-v<version>}. A labelled version is never removed by the 100-version
 * rule; instead SSM refuses new versions while the oldest is labelled.
 */
public final class SsmLabels {
  private final SsmClient ssm;
  private final SsmHistory history;
  private final AskedOnce<String, SortedMap<Long, List<String>>> histories;

  SsmLabels(SsmClient ssm, SsmHistory history) {
    this(ssm, history, AskedOnce.never());
  }

  private SsmLabels(SsmClient ssm, SsmHistory history,
      AskedOnce<String, SortedMap<Long, List<String>>> histories) {
    this.ssm = ssm;
    this.history = history;
    this.histories = histories;
  }

  /** These labels for a run that only reads: each parameter's history listed once, for every version. */
  SsmLabels reading() {
    return new SsmLabels(ssm, history, new AskedOnce<>());
  }

  public static String keepLabel(String env, long version) {
    String label = KeepLabels.forEnv(env) + "-v" + version;
    validate(label);
    return label;
  }

  /** Throws an INPUT error when SSM would refuse the label. */
  public static void validate(String label) {
    SsmLabelRules.problem(label).ifPresent(p -> {
      throw AwsException.input(p, "choose another label");
    });
  }

  /** Labels the version; a no-op when it already has the label. */
  public void label(String name, long version, String label) {
    validate(label);
    List<String> labels = labelsOf(name, version);
    if (labels.contains(label)) {
      return;
    }
    if (labels.size() >= SsmLabelRules.MAX_LABELS_PER_VERSION) {
      throw AwsException.input("ssm:" + name + ":" + version + " already has "
          + SsmLabelRules.MAX_LABELS_PER_VERSION + " labels, SSM's limit", "unlabel one of: " + labels);
    }
    LabelParameterVersionResponse r;
    try {
      r = ssm.labelParameterVersion(b -> b.name(name).parameterVersion(version).labels(label));
    } catch (SdkException e) {
      throw SsmHistory.translate("LabelParameterVersion " + name + ":" + version, e, true);
    }
    if (!r.invalidLabels().isEmpty()) {
      throw AwsException.input("SSM refused label(s) " + r.invalidLabels() + " on " + name + ":" + version,
          "choose another label");
    }
  }

  public void unlabel(String name, long version, String label) {
    try {
      ssm.unlabelParameterVersion(b -> b.name(name).parameterVersion(version).labels(label));
    } catch (SdkException e) {
      throw SsmHistory.translate("UnlabelParameterVersion " + name + ":" + version, e, true);
    }
  }

  /** The labels of one version (throws INPUT when the parameter or version does not exist). */
  public List<String> labelsOf(String name, long version) {
    List<String> labels = histories.get(name, () -> history.versions(name)).get(version);
    if (labels == null) {
      throw AwsException.input("ssm:" + name + ":" + version + " does not exist", "check the pinned version");
    }
    return labels;
  }

  /** Versions of the given parameters that carry a phoenix-keep- label; absent parameters are skipped. */
  public List<SsmKeptVersion> keptVersions(Collection<String> names) {
    List<SsmKeptVersion> out = new ArrayList<>();
    for (String name : names) {
      SortedMap<Long, List<String>> versions;
      try {
        versions = history.versions(name);
      } catch (AwsException e) {
        if (e.notFound()) {
          continue;
        }
        throw e;
      }
      versions.forEach((version, labels) -> {
        List<String> keep = labels.stream().filter(KeepLabels::isPhoenix).toList();
        if (!keep.isEmpty()) {
          out.add(new SsmKeptVersion(name, version, keep));
        }
      });
    }
    return out;
  }
}
