package dev.phoenix.aws.ssm;

import dev.phoenix.core.Sensitive;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Reads a pinned parameter version's value, decrypted, for local drills only; never stored. */
public final class SsmValues {
  private final SsmClient ssm;

  SsmValues(SsmClient ssm) {
    this.ssm = ssm;
  }

  /** GetParameter {@code name:version} with WithDecryption=true. */
  public Sensitive read(String name, long version) {
    try {
      return Sensitive.of(ssm.getParameter(b -> b.name(name + ":" + version).withDecryption(true))
          .parameter().value());
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameter " + name + ":" + version, e, false);
    }
  }
}
