package dev.phoenix.aws;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.testsupport.MotoServer;
import java.time.Instant;
import java.util.Set;

/** AwsConfig for a test's moto server, and check options for ITs. */
public final class MotoAws {
  private MotoAws() {}

  public static AwsConfig config(MotoServer moto) {
    return AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
  }

  public static CheckOptions options(boolean deep) {
    return new CheckOptions(deep, 8, Instant.now().plusSeconds(60), Set.of(), r -> {});
  }
}
