package dev.phoenix.mirror;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.ecr.EcrHost;
import dev.phoenix.aws.ecr.EcrRepositories;
import dev.phoenix.check.Ref;
import dev.phoenix.model.Regions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ECR repositories the image copies of a run need in the mirror region: each mirror registry
 * host that is an ECR host ({@code <account>.dkr.ecr.<region>.amazonaws.com}) is asked whether the
 * repository exists; a dry run lists the missing ones, {@code --yes} creates them before any copy
 * (with the source repository's settings when the source is ECR; RepositoryAlreadyExists is fine).
 * Another registry creates repositories on push and is asked nothing here.
 */
final class MirrorRepositories {
  private MirrorRepositories() {}

  static List<MirrorRepository> settle(List<Ref> refs, Regions.Mirror mirror, RegionStores stores, boolean create) {
    Map<String, Ref.Image> needed = new LinkedHashMap<>(); // mirror host/repository -> the first image needing it
    for (Ref ref : refs) {
      if (ref instanceof Ref.Image i) {
        mirror.registryFor(i.registry()).filter(h -> EcrHost.parse(h).isPresent())
            .ifPresent(h -> needed.putIfAbsent(h + "/" + i.repository(), i));
      }
    }
    List<MirrorRepository> out = new ArrayList<>();
    if (needed.isEmpty()) {
      return out;
    }
    EcrRepositories repositories = stores.ecr().repositories();
    for (Map.Entry<String, Ref.Image> e : needed.entrySet()) {
      Ref.Image image = e.getValue();
      String host = mirror.registryFor(image.registry()).orElseThrow();
      EcrHost target = EcrHost.parse(host).orElseThrow();
      String repository = image.repository();
      try {
        if (repositories.exists(target, repository)) {
          continue;
        }
        EcrRepositories.Settings settings = repositories.settingsOf(EcrHost.parse(image.registry()), repository);
        if (!create) {
          out.add(new MirrorRepository(host, repository, MirrorRepository.State.PLANNED, describe(settings), null));
          continue;
        }
        EcrRepositories.Created made = repositories.create(target, repository, settings);
        out.add(new MirrorRepository(host, repository, MirrorRepository.State.CREATED, describe(made.settings()),
            made.existed() ? "created by someone else meanwhile" : null));
      } catch (AwsException failed) {
        out.add(new MirrorRepository(host, repository, MirrorRepository.State.FAILED, null,
            failed.getMessage() + Optional.ofNullable(failed.fix()).map(f -> " (" + f + ")").orElse("")));
      }
    }
    return out;
  }

  static String describe(EcrRepositories.Settings s) {
    return "tags " + s.tagMutability().toLowerCase(Locale.ROOT)
        + (s.exclusions().isEmpty() ? "" : " (except " + String.join(", ", s.exclusions()) + ")") + ", scan on push " + (s.scanOnPush() ? "on" : "off")
        + ", encryption " + s.encryption() + ": " + s.from();
  }
}
