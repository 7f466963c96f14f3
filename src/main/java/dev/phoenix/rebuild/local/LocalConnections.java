package dev.phoenix.rebuild.local;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.s3.S3PackageReader;
import dev.phoenix.aws.secrets.SecretsService;
import dev.phoenix.aws.ssm.SsmService;
import dev.phoenix.docker.Docker;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.rebuild.TargetSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real services of a local drill: the Docker daemon (DOCKER_HOST or the default socket), SSM
 * and Secrets Manager for pinned config, S3 for Lambda packages. AWS clients are built on first
 * use only (an estate with plain values and no functions never touches AWS), from the target
 * options {@code configRegion} (else {@code region}) and {@code endpoint}, with the default
 * credentials chain.
 */
public final class LocalConnections {
  private LocalConnections() {}

  public static LocalServices open(TargetSettings settings) {
    AwsConfig base = AwsConfig.defaults();
    AwsConfig aws = new AwsConfig(settings.get("configRegion").or(() -> settings.get("region")).orElse(null),
        settings.get("endpoint").map(URI::create).orElse(null), null, null,
        base.attemptTimeout(), base.callTimeout(), base.maxAttempts());
    List<AutoCloseable> opened = new ArrayList<>();
    Supplier<SsmService> ssm = lazy(() -> SsmService.connect(aws), opened);
    Supplier<SecretsService> secrets = lazy(() -> SecretsService.connect(aws), opened);
    Supplier<S3PackageReader> s3 = lazy(() -> S3PackageReader.connect(aws), opened);
    ConfigResolver config = source -> {
      if (source instanceof ConfigSource.SsmParameter p) {
        return ssm.get().values().read(p.name(), p.version()).reveal();
      }
      if (source instanceof ConfigSource.SecretVersion v) {
        return secrets.get().values().read(v.secretId(), v.versionId()).reveal();
      }
      throw new IllegalArgumentException("not a store-held config source: " + source.describe());
    };
    PackageFetcher packages = version -> s3.get().sha256(version);
    AutoCloseable closeAll = () -> {
      synchronized (opened) {
        for (AutoCloseable c : opened) {
          c.close();
        }
      }
    };
    return new LocalServices(Docker.connect(LocalTarget.dockerTimeout(settings)), config, packages, closeAll);
  }

  private static <T extends AutoCloseable> Supplier<T> lazy(Supplier<T> make, List<AutoCloseable> opened) {
    Object lock = new Object();
    List<T> holder = new ArrayList<>(1);
    return () -> {
      synchronized (lock) {
        if (holder.isEmpty()) {
          T made = make.get();
          holder.add(made);
          synchronized (opened) {
            opened.add(made);
          }
        }
        return holder.get(0);
      }
    };
  }
}
