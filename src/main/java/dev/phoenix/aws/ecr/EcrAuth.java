package dev.phoenix.aws.ecr;

import dev.phoenix.aws.AwsException;
import dev.phoenix.core.Sensitive;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/** Docker registry credentials for an ECR host (GetAuthorizationToken, valid about 12 hours). */
public final class EcrAuth {
  private final EcrService service;

  EcrAuth(EcrService service) {
    this.service = service;
  }

  /** The token for {@code host}; throws an INPUT error when the host is not an ECR registry. */
  public EcrToken token(String host) {
    EcrHost ecr = EcrHost.parse(host).orElseThrow(() -> AwsException.input(
        host + " is not an ECR registry host", "expected <account>.dkr.ecr.<region>.amazonaws.com"));
    AuthorizationData data;
    try {
      // One token per region serves every registry the caller may access (registryIds is deprecated).
      data = service.client(ecr.region()).getAuthorizationToken(b -> { }).authorizationData().get(0);
    } catch (SdkException e) {
      throw EcrImages.translate("GetAuthorizationToken " + host, e);
    } catch (IndexOutOfBoundsException e) {
      throw AwsException.input("ECR returned no authorization data for " + host, null);
    }
    String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw AwsException.input("ECR authorization token for " + host + " is not user:password", null);
    }
    return new EcrToken(host, decoded.substring(0, colon), Sensitive.of(decoded.substring(colon + 1)),
        data.expiresAt());
  }
}
