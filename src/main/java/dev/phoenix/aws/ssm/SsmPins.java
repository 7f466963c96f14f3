package dev.phoenix.aws.ssm;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/** For {@code lock}: a parameter's current version (GetParameter, WithDecryption=false; the value is dropped). */
public final class SsmPins {
  private final SsmClient ssm;

  SsmPins(SsmClient ssm) {
    this.ssm = ssm;
  }

  public long currentVersion(String name) {
    try {
      return ssm.getParameter(b -> b.name(name).withDecryption(false)).parameter().version();
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameter " + name, e, true);
    }
  }
}
