package dev.phoenix.aws.ecr;

import dev.phoenix.aws.AwsException;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.RefGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images in private ECR registries: BatchGetImage per repository, up to 100 digests a call.
 * ImageNotFound (or a missing repository) → MISSING; other failure codes → UNKNOWN. BatchGetImage
 * only says that ECR lists the digest; {@code --deep} must fetch and hash the bytes, so a deep check
 * goes to {@code deep}: an OCI registry checker whose credentials answer ECR hosts with an ECR
 * authorization token ({@link EcrRegistryCredentials}), which fetches manifest and blobs over the
 * registry API and hashes them.
 */
public final class EcrChecker implements RefChecker {
  private final EcrService service;
  private final RefChecker deep;

  EcrChecker(EcrService service, RefChecker deep) {
    this.service = service;
    this.deep = deep;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Image image && EcrHost.parse(image.registry()).isPresent();
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    if (options.deep()) {
      return deep.check(refs.stream().filter(this::handles).distinct().toList(), options);
    }
    Map<List<String>, List<Ref.Image>> byRepo =
        RefGroups.of(refs, Ref.Image.class, this::handles, image -> List.of(image.registry(), image.repository()));
    List<Checks.Job> jobs = new ArrayList<>();
    byRepo.forEach((key, images) -> {
      for (int i = 0; i < images.size(); i += EcrImages.BATCH) {
        List<Ref.Image> batch = List.copyOf(images.subList(i, Math.min(images.size(), i + EcrImages.BATCH)));
        jobs.add(new Checks.Job(batch.get(0).store(), List.copyOf(batch), () -> checkBatch(batch)));
      }
    });
    return Checks.jobs(refs, jobs, options);
  }

  Map<Ref, Finding> checkBatch(List<Ref.Image> images) {
    Ref.Image first = images.get(0);
    EcrHost host = EcrHost.parse(first.registry()).orElseThrow();
    Map<String, String> codes;
    try {
      codes = service.images(host.region()).batchGet(host.account(), first.repository(),
          images.stream().map(i -> i.digest().toString()).toList());
    } catch (AwsException e) {
      return Checks.all(images, e.notFound()
          ? Finding.missing("repository " + first.repository() + " not found in " + host.host())
          : Finding.unknown(e.getMessage()));
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Ref.Image image : images) {
      out.put(image, finding(codes.get(image.digest().toString())));
    }
    return out;
  }

  static Finding finding(String code) {
    if (code == null) {
      return Finding.unknown("ECR did not answer for this digest");
    }
    return switch (code) {
      case EcrImages.FOUND -> Finding.ok("present");
      case "ImageNotFound" -> Finding.missing("ECR has no image with this digest (ImageNotFound)");
      default -> Finding.unknown("ECR could not say (" + code + ")");
    };
  }
}
