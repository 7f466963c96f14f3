package dev.phoenix.aws.secrets;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Phoenix's one Secrets Manager connection. Close when done. */
public final class SecretsService implements AutoCloseable {
  private final SecretsManagerClient sm;
  private final SecretDescriptions descriptions;

  private SecretsService(SecretsManagerClient sm) {
    this.sm = sm;
    this.descriptions = new SecretDescriptions(sm);
  }

  public static SecretsService connect(AwsConfig config) {
    return new SecretsService(AwsClients.build(SecretsManagerClient.builder(), config));
  }

  public SecretsChecker checker() {
    return new SecretsChecker(descriptions);
  }

  public SecretValues values() {
    return new SecretValues(sm);
  }

  public SecretPins pins() {
    return new SecretPins(descriptions);
  }

  /** Copies pinned versions from {@code source} (another region) into this service's region. */
  public SecretCopies copiesFrom(SecretsService source) {
    return new SecretCopies(source.sm, sm);
  }

  public SecretStages stages() {
    return new SecretStages(sm, descriptions);
  }

  /** {@code phoenix protect}'s marks: a staging label on the pinned secret version. */
  public dev.phoenix.check.Keeper keeper() {
    return new SecretKeeper(stages());
  }

  @Override
  public void close() {
    sm.close();
  }
}
