package dev.phoenix.promote;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockwrite.LockEdit;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import dev.phoenix.model.Lockfile;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Plans one assurance record. The caller names the bytes the evidence is about (digest, or AMI
 * id); the record is refused unless those are exactly the bytes locked, so evidence can never
 * attach to a different build.
 */
public final class Attestation {
  private static final Set<String> RESULTS = Set.of("passed", "failed", "skipped");

  private Attestation() {}

  public static LockEdit plan(String env, Lockfile lockfile, String artefact, String digest, String step,
      String result, String evidence, Instant now) {
    Artefact a = lockfile.artefacts().get(artefact);
    if (a == null) {
      throw PhoenixException.input("artefact " + artefact + " is not locked in " + env,
          env + " has: " + String.join(", ", lockfile.artefacts().keySet()));
    }
    if (!RESULTS.contains(result)) {
      throw PhoenixException.input("result '" + result + "' is not a known result", "use passed, failed or skipped");
    }
    if (step == null || !step.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
      throw PhoenixException.input("step '" + step + "' is not a step name", "use lowercase words with dashes, e.g. integration-tests");
    }
    checkEvidence(evidence);
    String locked = lockedBytes(a);
    if (!locked.equals(digest)) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED,
          "refused: " + digest + " is not what " + env + " locks for " + artefact + " (" + locked
              + "); the evidence is about different bytes; nothing was written",
          "attest the build that was tested against the digest in " + Lockfile.path(env) + ", or lock that build first");
    }
    return new LockEdit.AddAssurance(artefact, new Assurance(step, result, now.truncatedTo(ChronoUnit.SECONDS), evidence));
  }

  /** What identifies an artefact's bytes: image digest, sha256: of the Lambda package, or the AMI id. */
  public static String lockedBytes(Artefact a) {
    if (a instanceof Artefact.ContainerImage c) {
      return String.valueOf(c.image().digest());
    }
    if (a instanceof Artefact.LambdaPackage l) {
      return "sha256:" + l.s3().sha256();
    }
    return ((Artefact.MachineImage) a).ami();
  }

  private static void checkEvidence(String evidence) {
    if (evidence == null) {
      return;
    }
    try {
      URI uri = new URI(evidence);
      if (uri.getRawUserInfo() != null) {
        throw PhoenixException.input("the evidence URL carries credentials", "link it without user:password@");
      }
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw PhoenixException.input("evidence '" + evidence + "' is not an http(s) URL", "link the CI run or report");
      }
    } catch (URISyntaxException e) {
      throw PhoenixException.input("evidence is not a URL: " + e.getReason(), "link the CI run or report");
    }
  }
}
