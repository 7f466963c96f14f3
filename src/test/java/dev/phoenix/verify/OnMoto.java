package dev.phoenix.verify;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.testsupport.MotoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the verify tests against moto share: the JVM's moto ({@link MotoServer#shared}, wiped for
 * each class), fixtures made with the SDK ({@link AwsStores}), Phoenix's configuration for it, and a
 * directory per test for the Git history.
 */
abstract class OnMoto {
  static MotoServer moto;
  static AwsStores aws;
  @TempDir Path dir;

  @BeforeAll
  static void startMoto() {
    moto = MotoServer.shared();
    aws = new AwsStores(moto);
  }

  @AfterAll
  static void stopMoto() {
    if (aws != null) {
      aws.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  static AwsConfig config() {
    return AwsConfig.forEndpoint(moto.endpoint(), MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
  }
}
