package dev.phoenix.aws.ssm;

import dev.phoenix.core.Sensitive;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/** For rebuild: writes the parameters a rebuilt stack reads, and looks up parameter ARNs. */
public final class SsmParameters {
  public static final String REBUILD_TAG = "phoenix:rebuild";

  /** The parameter types Phoenix writes. */
  public enum Type { STRING, SECURE_STRING }

  private final SsmClient ssm;

  SsmParameters(SsmClient ssm) {
    this.ssm = ssm;
  }

  /**
   * PutParameter with Overwrite=true, then tag {@value #REBUILD_TAG}=true (SSM refuses tags together
   * with Overwrite). Failure messages never carry the value: SSM's own message is dropped.
   */
  public SsmPut putRebuildScoped(String name, Sensitive value, Type type) {
    long version;
    try {
      version = ssm.putParameter(b -> b.name(name).value(value.reveal()).overwrite(true)
          .type(type == Type.SECURE_STRING ? ParameterType.SECURE_STRING : ParameterType.STRING)).version();
    } catch (SdkException e) {
      throw SsmHistory.translate("PutParameter " + name, e, false);
    }
    try {
      ssm.addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name)
          .tags(Tag.builder().key(REBUILD_TAG).value("true").build()));
    } catch (SdkException e) {
      throw SsmHistory.translate("AddTagsToResource " + name, e, true);
    }
    return new SsmPut(parameterArn(name), version);
  }

  /** The parameter's ARN (GetParameter, WithDecryption=false; the value is dropped). */
  public String parameterArn(String name) {
    try {
      return ssm.getParameter(b -> b.name(name).withDecryption(false)).parameter().arn();
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameter " + name, e, true);
    }
  }
}
