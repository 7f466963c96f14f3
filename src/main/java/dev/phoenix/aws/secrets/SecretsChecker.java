package dev.phoenix.aws.secrets;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.aws.AwsException;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.RefGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secrets Manager versions: one DescribeSecret per secret, shared by all its pinned versions, and
 * at most one ListSecretVersionIds walk per secret, only when a pinned version is one DescribeSecret
 * does not list. Both answers are kept for this checker's life ({@code Stores} makes one per run),
 * so a secret in several batches of the run is asked once. Never GetSecretValue.
 */
public final class SecretsChecker implements RefChecker {
  private final SecretDescriptions descriptions;
  private final AskedOnce<String, SecretDescriptions.Described> described = new AskedOnce<>();
  private final AskedOnce<String, Set<String>> allVersions = new AskedOnce<>();

  SecretsChecker(SecretDescriptions descriptions) {
    this.descriptions = descriptions;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Secret;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Map<String, List<Ref.Secret>> byId = RefGroups.of(refs, Ref.Secret.class, Ref.Secret::secretId);
    List<Checks.Job> jobs = new ArrayList<>();
    byId.forEach((id, pins) -> jobs.add(new Checks.Job("secretsmanager", List.copyOf(pins), () -> checkSecret(id, pins))));
    return Checks.jobs(refs, jobs, options);
  }

  Map<Ref, Finding> checkSecret(String secretId, List<Ref.Secret> pins) {
    try {
      SecretDescriptions.Described secret = described.get(secretId, () -> descriptions.describe(secretId));
      Map<Ref, Finding> out = new LinkedHashMap<>();
      for (Ref.Secret pin : pins) {
        boolean listed = secret.stages().containsKey(pin.versionId());
        boolean exists = !listed && secret.deletedDate() == null
            && allVersions.get(secretId, () -> descriptions.versionIds(secretId)).contains(pin.versionId());
        out.put(pin, SecretFindings.of(secret, pin.versionId(), exists));
      }
      return out;
    } catch (AwsException e) {
      return Checks.all(pins, e.notFound()
          ? Finding.missing("secret " + secretId + " not found") : Finding.unknown(e.getMessage()));
    }
  }
}
