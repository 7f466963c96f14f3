package dev.phoenix.aws.ssm;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Phoenix's one SSM Parameter Store connection. Close when done. */
public final class SsmService implements AutoCloseable {
  private final SsmClient ssm;
  private final SsmHistory history;

  private SsmService(SsmClient ssm) {
    this.ssm = ssm;
    this.history = new SsmHistory(ssm);
  }

  public static SsmService connect(AwsConfig config) {
    return new SsmService(AwsClients.build(SsmClient.builder(), config));
  }

  public SsmChecker checker() {
    return new SsmChecker(history);
  }

  public SsmValues values() {
    return new SsmValues(ssm);
  }

  public SsmPins pins() {
    return new SsmPins(ssm);
  }

  public SsmLabels labels() {
    return new SsmLabels(ssm, history);
  }

  /** {@code phoenix protect}'s marks: a label on the pinned parameter version. */
  public dev.phoenix.check.Keeper keeper() {
    return new SsmKeeper(labels());
  }

  /** Copies pinned versions from {@code source} (another region) into this service's region. */
  public SsmCopies copiesFrom(SsmService source) {
    return new SsmCopies(source.ssm, ssm);
  }

  public SsmParameters parameters() {
    return new SsmParameters(ssm);
  }

  @Override
  public void close() {
    ssm.close();
  }
}
