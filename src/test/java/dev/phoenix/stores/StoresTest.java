package dev.phoenix.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsConfig;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.model.Digest;
import dev.phoenix.registry.RegistryCredentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The composition root builds each client once per run (per region for S3, SSM and Secrets
 * Manager), lazily, and closes each once. Nothing here reaches a network: building an SDK client
 * and naming a mark need none (the endpoint is a closed local port).
 */
class StoresTest {
  private static final AwsConfig NOWHERE =
      AwsConfig.forEndpoint(URI.create("http://127.0.0.1:9"), "us-east-1", "AKIDTEST", "not-a-secret");
  private static final Digest DIGEST = Digest.of("sha256:" + "a".repeat(64));
  private static final Ref ECR_IMAGE = new Ref.Image("123456789012.dkr.ecr.eu-west-2.amazonaws.com", "shop/front", DIGEST);
  private static final Ref IMAGE = new Ref.Image("registry.example.com", "shop/front", DIGEST);
  private static final Ref OBJECT = new Ref.S3Object("artefacts", "fn.zip", "v1", "b".repeat(64));
  private static final Ref PARAMETER = new Ref.Ssm("/prod/db", 3);
  private static final Ref SECRET = new Ref.Secret("prod/key", "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");
  private static final Ref AMI = new Ref.Ami("ami-0123456789abcdef0", "eu-west-2");

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  private Stores open() {
    return Stores.open(StoreSettings.of(NOWHERE, 4, Set.of()).withCredentials(RegistryCredentials.anonymous()),
        events::add);
  }

  @Test
  void checkersKeepTheirOrderAndBuildAwsClientsOnlyForKindsAsked() {
    try (Stores stores = open()) {
      List<RefChecker> checkers = stores.checkers();
      assertThat(stores.checkers()).isSameAs(checkers);
      assertThat(first(checkers, ECR_IMAGE)).isZero(); // ECR before any other registry
      assertThat(first(checkers, IMAGE)).isEqualTo(1);
      assertThat(first(checkers, OBJECT)).isEqualTo(2);
      assertThat(first(checkers, AMI)).isEqualTo(3);
      assertThat(first(checkers, PARAMETER)).isEqualTo(4);
      assertThat(first(checkers, SECRET)).isEqualTo(5);
      // ECR and EC2 keep one SDK client per region themselves and build none yet; S3, SSM, Secrets wait for a reference
      assertThat(events).containsExactlyInAnyOrder("built ecr", "built registry credentials", "built registry", "built ec2");
    }
  }

  @Test
  void theDefaultRegionIsResolvedOnlyWhenAClientNeedsItAndThenOnce() {
    // no region configured: the SDK's chain (environment, profile, then EC2 instance metadata,
    // which off EC2 waits for a connect timeout) must not run for a run that checks registries only
    AwsConfig unset = AwsConfig.forEndpoint(URI.create("http://127.0.0.1:9"), null, "AKIDTEST", "not-a-secret");
    try (Stores stores = Stores.open(StoreSettings.of(unset, 4, Set.of())
        .withCredentials(RegistryCredentials.anonymous()), events::add)) {
      stores.checkers();
      stores.keepers();
      stores.region("eu-central-1").checkers();
      assertThat(events).doesNotContain("resolved default region");
      String region = stores.region();
      assertThat(stores.region()).isEqualTo(region);
      stores.keepers().stream().filter(k -> k.handles(OBJECT)).findFirst().orElseThrow().mark(OBJECT, "prod");
      assertThat(events.stream().filter("resolved default region"::equals)).hasSize(1);
      assertThat(events).contains("built s3 " + region);
    }
  }

  @Test
  void eachClientIsBuiltOncePerServiceAndRegionAndSharedByCheckersKeepersAndRegions() {
    try (Stores stores = open()) {
      stores.checkers();
      List<Keeper> keepers = stores.keepers();
      assertThat(stores.keepers()).isSameAs(keepers);
      assertThat(events).doesNotContain("built s3 us-east-1"); // keepers are lazy too
      for (Ref ref : List.of(ECR_IMAGE, IMAGE, OBJECT, PARAMETER, SECRET, AMI)) {
        Keeper keeper = keepers.stream().filter(k -> k.handles(ref)).findFirst().orElseThrow();
        assertThat(keeper.mark(ref, "prod")).contains("phoenix-keep-prod");
      }
      Stores sameRegion = stores.region("us-east-1");
      sameRegion.keepers().forEach(k -> List.of(OBJECT, PARAMETER, SECRET).stream().filter(k::handles)
          .forEach(r -> k.mark(r, "prod")));
      Stores frankfurt = stores.region("eu-central-1");
      assertThat(frankfurt.region()).isEqualTo("eu-central-1");
      frankfurt.keepers().forEach(k -> List.of(OBJECT, PARAMETER, SECRET, IMAGE).stream().filter(k::handles)
          .forEach(r -> k.mark(r, "prod")));
      frankfurt.checkers(); // a second region's checkers: no second ECR or EC2 service, no second token source

      assertThat(events).containsExactlyInAnyOrder(
          "built ecr", "built registry credentials", "built ec2", "built registry",
          "built s3 us-east-1", "built ssm us-east-1", "built secrets us-east-1",
          "built s3 eu-central-1", "built ssm eu-central-1", "built secrets eu-central-1");
    }
    assertThat(events.stream().filter(e -> e.startsWith("closed ")).map(e -> e.substring(7)).toList())
        .containsExactlyInAnyOrder("ecr", "ec2", "registry", "s3 us-east-1", "ssm us-east-1", "secrets us-east-1",
            "s3 eu-central-1", "ssm eu-central-1", "secrets eu-central-1");
  }

  @Test
  void closingClosesEveryClientOnceAndAClosedRunBuildsNoMore() {
    Stores stores = open();
    Keeper s3 = stores.keepers().stream().filter(k -> k.handles(OBJECT)).findFirst().orElseThrow();
    Stores other = stores.region("eu-central-1");
    Keeper s3Frankfurt = other.keepers().stream().filter(k -> k.handles(OBJECT)).findFirst().orElseThrow();
    s3.mark(OBJECT, "prod");
    s3Frankfurt.mark(OBJECT, "prod");
    stores.close();
    other.close(); // a view of the same run: nothing left to close
    stores.close();
    assertThat(events.stream().filter(e -> e.startsWith("closed ")).toList())
        .containsExactly("closed s3 eu-central-1", "closed s3 us-east-1");
    assertThatThrownBy(() -> stores.region("ap-south-1").pinning().currentParameterVersion("/prod/db"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(events).doesNotContain("built ssm ap-south-1");
  }

  private static int first(List<RefChecker> checkers, Ref ref) {
    for (int i = 0; i < checkers.size(); i++) {
      if (checkers.get(i).handles(ref)) {
        return i;
      }
    }
    return -1;
  }
}
