package dev.phoenix.rebuild.aws;

import dev.phoenix.testsupport.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The sample estate's SSM parameters and secrets planted in moto (eu-west-1), every value a
 * canary that must never appear in a file: {@code /prod/payments/database-url} has versions 1..8
 * (the lockfile pins 7, so it must be materialized), {@code /prod/ledger/queue-url} 1..3 (pinned
 * 3 = current), and both secrets exist with the lockfile's version ids.
 */
final class MotoEstate {
  static final String REGION = "eu-west-1";
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final List<String> canaries = new ArrayList<>();
  final SsmClient ssm;
  final SecretsManagerClient secrets;

  MotoEstate(MotoServer moto) {
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
    ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create()).build();
    secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION))
        .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
  }

  String canary(String what) {
    String c = "CANARY-" + what + "-" + run;
    canaries.add(c);
    return c;
  }

  void plant() {
    for (int v = 1; v <= 8; v++) {
      String value = canary("db-url-v" + v);
      ssm.putParameter(b -> b.name("/prod/payments/database-url").value(value).type(ParameterType.SECURE_STRING)
          .overwrite(true));
    }
    for (int v = 1; v <= 3; v++) {
      String value = canary("queue-url-v" + v);
      ssm.putParameter(b -> b.name("/prod/ledger/queue-url").value(value).type(ParameterType.STRING).overwrite(true));
    }
    String apiKey = canary("api-key");
    secrets.createSecret(b -> b.name("prod/payments/api-key").secretString(apiKey)
        .clientRequestToken("0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f"));
    String signing = canary("signing-key");
    secrets.createSecret(b -> b.name("prod/statements/signing-key").secretString(signing)
        .clientRequestToken("7e1b9c2d-4f3a-4e5b-8c6d-1a2b3c4d5e6f"));
  }

  String valueOf(String name) {
    return ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
  }

  long versionOf(String name) {
    return ssm.getParameter(b -> b.name(name)).parameter().version();
  }

  boolean exists(String name) {
    try {
      ssm.getParameter(b -> b.name(name));
      return true;
    } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
      return false;
    }
  }

  String parameterArn(String name) {
    return ssm.getParameter(b -> b.name(name)).parameter().arn();
  }

  String secretArn(String id) {
    return secrets.describeSecret(b -> b.secretId(id)).arn();
  }
}
