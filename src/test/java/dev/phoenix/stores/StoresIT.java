package dev.phoenix.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Digest;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.registry.RegistryCredential;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * One run's stores against moto: checkers, keepers, pinning and local-drill reads go through one
 * client per service and region, built on first use and closed once; ECR tokens from the run's
 * one ECR service answer ECR hosts in the registry credential chain, other hosts go to the
 * configured source.
 */
class StoresIT {
  private static final String ECR_HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

  @Test
  void everyUseOfARunSharesOneClientPerServiceAndRegion() throws Exception {
    MotoServer moto = MotoServer.shared();
    AwsConfig config = MotoAws.config(moto);
    String body = "a lambda package";
    String versionId;
    long parameterVersion;
    String secretVersion;
    String ecrDigest;
    try (S3Client s3 = AwsClients.build(S3Client.builder().forcePathStyle(true), config);
        SsmClient ssm = AwsClients.build(SsmClient.builder(), config);
        SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), config);
        EcrClient ecr = AwsClients.build(EcrClient.builder(), config)) {
      s3.createBucket(b -> b.bucket("artefacts"));
      s3.putBucketVersioning(b -> b.bucket("artefacts").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
      versionId = s3.putObject(b -> b.bucket("artefacts").key("fn.zip"), RequestBody.fromString(body)).versionId();
      parameterVersion = ssm.putParameter(b -> b.name("/prod/db").value("db-one").type(ParameterType.STRING)).version();
      secretVersion = secrets.createSecret(b -> b.name("prod/key").secretString("k-one")).versionId();
      ecr.createRepository(b -> b.repositoryName("shop/front"));
      ecrDigest = ecr.putImage(b -> b.repositoryName("shop/front").imageTag("v1").imageManifest(
          "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
              + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":2,"
              + "\"digest\":\"sha256:" + "c".repeat(64) + "\"},\"layers\":[]}"))
          .image().imageId().imageDigest();
    }
    Ref object = new Ref.S3Object("artefacts", "fn.zip", versionId, sha256(body));
    Ref parameter = new Ref.Ssm("/prod/db", parameterVersion);
    Ref secret = new Ref.Secret("prod/key", secretVersion);
    Ref ecrImage = new Ref.Image(ECR_HOST, "shop/front", Digest.of(ecrDigest));
    List<Ref> refs = List.of(ecrImage, object, parameter, secret);

    List<String> events = Collections.synchronizedList(new ArrayList<>());
    RegistryCredential.Basic other = new RegistryCredential.Basic("me", "from-docker-config");
    RegistryCredentials dockerConfig = host -> host.equals("registry.example.com") ? Optional.of(other) : Optional.empty();
    try (Stores stores = Stores.open(StoreSettings.of(config, 4, Set.of()).withCredentials(dockerConfig), events::add)) {
      for (int round = 0; round < 2; round++) { // a second pass (another verify pass, preflight) builds nothing new
        Map<Ref, Finding> found = check(stores.checkers(), refs);
        assertThat(found.values()).extracting(Finding::status).as(found.toString()).containsOnly(Status.OK);
      }
      for (Ref ref : List.of(object, parameter, secret)) {
        Keeper keeper = stores.keepers().stream().filter(k -> k.handles(ref)).findFirst().orElseThrow();
        assertThat(keeper.isProtected(ref, "prod")).as(ref.describe()).isFalse();
      }
      assertThat(stores.pinning().currentParameterVersion("/prod/db")).isEqualTo(parameterVersion);
      assertThat(stores.pinning().currentSecretVersion("prod/key")).isEqualTo(secretVersion);
      assertThat(stores.pinning().currentObject("artefacts", "fn.zip").versionId()).isEqualTo(versionId);
      assertThat(stores.configValue(new ConfigSource.SsmParameter("/prod/db", parameterVersion))).isEqualTo("db-one");
      assertThat(stores.packageSha256(new S3ObjectVersion("artefacts", "fn.zip", versionId, null))).isEqualTo(sha256(body));

      // ECR tokens come from the run's one ECR service (the one the ECR checker used), then the configured source
      Optional<RegistryCredential> token = stores.registryCredentials().lookup(ECR_HOST);
      assertThat(token).get().isInstanceOf(RegistryCredential.Basic.class);
      assertThat(((RegistryCredential.Basic) token.get()).username()).isEqualTo("AWS");
      assertThat(stores.registryCredentials().lookup("registry.example.com")).contains(other);
      assertThat(stores.registryCredentials().lookup("registry.other.example")).isEmpty();

      assertThat(events).containsExactlyInAnyOrder("built ecr", "built registry credentials", "built registry", "built ec2",
          "built s3 us-east-1", "built ssm us-east-1", "built secrets us-east-1");
    }
    assertThat(events.stream().filter(e -> e.startsWith("closed ")).toList()).containsExactlyInAnyOrder(
        "closed ecr", "closed registry", "closed ec2", "closed s3 us-east-1", "closed ssm us-east-1", "closed secrets us-east-1");
  }

  private static Map<Ref, Finding> check(List<RefChecker> checkers, List<Ref> refs) {
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref ref : refs) {
      RefChecker checker = checkers.stream().filter(c -> c.handles(ref)).findFirst().orElseThrow();
      out.putAll(checker.check(List.of(ref), MotoAws.options(false)));
    }
    return out;
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
