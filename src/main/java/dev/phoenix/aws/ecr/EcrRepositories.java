package dev.phoenix.aws.ecr;

import dev.phoenix.aws.AwsException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EncryptionType;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * ECR repositories of a mirror registry: whether one exists (DescribeRepositories), and its
 * creation (CreateRepository) with the source repository's settings where the source is an ECR
 * repository Phoenix may describe: tag mutability, scan on push, encryption type. A KMS key is
 * regional, so a KMS-encrypted source gives a KMS-encrypted mirror under the mirror region's
 * AWS-managed key ({@code aws/ecr}). A repository created meanwhile by someone else is taken as it is.
 */
public final class EcrRepositories {
  /**
   * What a repository is created with; {@code exclusions}: the wildcard tag filters of a
   * {@code *_WITH_EXCLUSION} mutability; {@code from} names where the settings were read, or why not.
   */
  public record Settings(String tagMutability, List<String> exclusions, boolean scanOnPush, String encryption,
      String from) {
    public Settings {
      exclusions = List.copyOf(exclusions);
    }

    /** ECR's defaults: tags mutable, no scan on push, AES256. */
    public static Settings defaults(String why) {
      return new Settings("MUTABLE", List.of(), false, "AES256", why);
    }
  }

  /** A repository created (or found created meanwhile) and the settings it was asked for. */
  public record Created(EcrHost host, String repository, boolean existed, Settings settings) {}

  private final EcrService service;

  EcrRepositories(EcrService service) {
    this.service = service;
  }

  /** True when {@code repository} exists in {@code host}'s registry. */
  public boolean exists(EcrHost host, String repository) {
    return describe(host, repository).isPresent();
  }

  /**
   * The settings of {@code source}'s {@code repository} to create its mirror with; ECR's defaults
   * when the source is not an ECR host, has no such repository or may not be described.
   */
  public Settings settingsOf(Optional<EcrHost> source, String repository) {
    if (source.isEmpty()) {
      return Settings.defaults("ECR's defaults (the source registry is not ECR)");
    }
    Optional<Repository> r;
    try {
      r = describe(source.get(), repository);
    } catch (AwsException e) {
      return Settings.defaults("ECR's defaults (the source's settings could not be read: " + e.getMessage() + ")");
    }
    if (r.isEmpty()) {
      return Settings.defaults("ECR's defaults (no repository " + repository + " at " + source.get().host() + ")");
    }
    Repository repo = r.get();
    String mutability = repo.imageTagMutability() == null ? "MUTABLE" : repo.imageTagMutabilityAsString();
    boolean scan = repo.imageScanningConfiguration() != null
        && Boolean.TRUE.equals(repo.imageScanningConfiguration().scanOnPush());
    String encryption = repo.encryptionConfiguration() == null || repo.encryptionConfiguration().encryptionType() == null
        ? "AES256" : repo.encryptionConfiguration().encryptionTypeAsString();
    List<String> exclusions = repo.imageTagMutabilityExclusionFilters().stream()
        .map(ImageTagMutabilityExclusionFilter::filter).toList();
    return new Settings(mutability, exclusions, scan, encryption, "the settings of " + source.get().host() + "/" + repository);
  }

  /** Creates {@code repository} in {@code host}'s registry with {@code settings}; one that exists already is kept. */
  public Created create(EcrHost host, String repository, Settings settings) {
    EcrClient ecr = service.client(host.region());
    try {
      ecr.createRepository(b -> b.registryId(host.account()).repositoryName(repository)
          .imageTagMutability(settings.tagMutability())
          .imageTagMutabilityExclusionFilters(settings.exclusions().isEmpty() ? null : settings.exclusions().stream()
              .map(f -> ImageTagMutabilityExclusionFilter.builder().filterType("WILDCARD").filter(f).build()).toList())
          .imageScanningConfiguration(s -> s.scanOnPush(settings.scanOnPush()))
          .encryptionConfiguration(e -> e.encryptionType(EncryptionType.fromValue(settings.encryption()))));
      return new Created(host, repository, false, settings);
    } catch (RepositoryAlreadyExistsException e) {
      return new Created(host, repository, true, settings);
    } catch (SdkException e) {
      throw EcrImages.translate("CreateRepository " + repository + " in " + host.host(), e);
    }
  }

  private Optional<Repository> describe(EcrHost host, String repository) {
    try {
      var r = service.client(host.region()).describeRepositories(b -> b.registryId(host.account())
          .repositoryNames(repository));
      return r.repositories().stream().filter(x -> repository.equals(x.repositoryName())).findFirst();
    } catch (RepositoryNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw EcrImages.translate("DescribeRepositories " + repository + " in " + host.host(), e);
    }
  }
}
