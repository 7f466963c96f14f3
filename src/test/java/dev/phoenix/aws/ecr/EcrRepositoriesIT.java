package dev.phoenix.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.MotoClients;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * A mirror registry's repositories against moto ECR (us-east-1 the source, eu-central-1 the mirror):
 * existence, the source's settings read and the repository created with them, an existing one
 * tolerated. (Pushing images into it needs the registry API, which moto does not serve: that is
 * MirrorEcrIT's, through a docker-registry under the ECR host name.)
 */
class EcrRepositoriesIT {
  static final EcrHost SOURCE = EcrHost.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com").orElseThrow();
  static final EcrHost MIRROR = EcrHost.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com").orElseThrow();
  @RegisterExtension
  static final MotoClients<EcrService, EcrClient> AWS =
      new MotoClients<>(EcrService::connect, c -> AwsClients.build(EcrClient.builder(), c));

  @Test
  void aMissingRepositoryIsCreatedWithTheSourcesSettingsAndAnExistingOneIsKept() {
    AWS.raw().createRepository(b -> b.repositoryName("payments/api").imageTagMutability("IMMUTABLE")
        .imageScanningConfiguration(s -> s.scanOnPush(true)).encryptionConfiguration(e -> e.encryptionType("KMS")));
    AWS.raw().createRepository(b -> b.repositoryName("shop/web"));
    EcrRepositories repositories = AWS.service().repositories();

    assertThat(repositories.exists(SOURCE, "payments/api")).isTrue();
    assertThat(repositories.exists(MIRROR, "payments/api")).as("a repository is regional").isFalse();
    EcrRepositories.Settings settings = repositories.settingsOf(Optional.of(SOURCE), "payments/api");
    assertThat(settings).isEqualTo(new EcrRepositories.Settings("IMMUTABLE", List.of(), true, "KMS",
        "the settings of " + SOURCE.host() + "/payments/api"));

    EcrRepositories.Created created = repositories.create(MIRROR, "payments/api", settings);
    assertThat(created.existed()).isFalse();
    assertThat(repositories.exists(MIRROR, "payments/api")).isTrue();
    try (EcrClient mirror = AwsClients.build(EcrClient.builder(), MotoAws.config(AWS.moto()), "eu-central-1")) {
      Repository r = mirror.describeRepositories(b -> b.repositoryNames("payments/api")).repositories().get(0);
      assertThat(r.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE");
      assertThat(r.imageScanningConfiguration().scanOnPush()).isTrue();
      assertThat(r.encryptionConfiguration().encryptionTypeAsString()).isEqualTo("KMS");
      assertThat(r.repositoryArn()).contains(":eu-central-1:");

      // a second creation (a run after an interrupted one) is no error
      assertThat(repositories.create(MIRROR, "payments/api", settings).existed()).isTrue();
      // the defaults where the source is not ECR or has no such repository
      assertThat(repositories.settingsOf(Optional.empty(), "shop/web").tagMutability()).isEqualTo("MUTABLE");
      EcrRepositories.Settings none = repositories.settingsOf(Optional.of(SOURCE), "no/such");
      assertThat(none).extracting(EcrRepositories.Settings::tagMutability, EcrRepositories.Settings::scanOnPush,
          EcrRepositories.Settings::encryption).containsExactly("MUTABLE", false, "AES256");
      assertThat(none.from()).contains("no repository no/such");
      repositories.create(MIRROR, "shop/web", repositories.settingsOf(Optional.of(SOURCE), "shop/web"));
      Repository web = mirror.describeRepositories(b -> b.repositoryNames("shop/web")).repositories().get(0);
      assertThat(web.imageTagMutabilityAsString()).isEqualTo("MUTABLE");
      assertThat(web.imageScanningConfiguration().scanOnPush()).isFalse();

      // immutable tags except those matching a filter: the filters come along
      AWS.raw().createRepository(b -> b.repositoryName("shop/jobs").imageTagMutability("IMMUTABLE_WITH_EXCLUSION")
          .imageTagMutabilityExclusionFilters(f -> f.filterType("WILDCARD").filter("latest*")));
      EcrRepositories.Settings jobs = repositories.settingsOf(Optional.of(SOURCE), "shop/jobs");
      assertThat(jobs.exclusions()).containsExactly("latest*");
      repositories.create(MIRROR, "shop/jobs", jobs);
      Repository copied = mirror.describeRepositories(b -> b.repositoryNames("shop/jobs")).repositories().get(0);
      assertThat(copied.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE_WITH_EXCLUSION");
      assertThat(copied.imageTagMutabilityExclusionFilters()).extracting(f -> f.filter()).containsExactly("latest*");
    }
  }
}
