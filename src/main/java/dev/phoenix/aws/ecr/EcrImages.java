package dev.phoenix.aws.ecr;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/** BatchGetImage by digest, at most {@value #BATCH} image ids a call. */
final class EcrImages {
  static final int BATCH = 100;
  static final String FOUND = "found";
  static final Set<String> NOT_FOUND = Set.of("RepositoryNotFoundException", "RegistryNotFoundException");
  private final EcrClient ecr;

  EcrImages(EcrClient ecr) {
    this.ecr = ecr;
  }

  /**
   * digest → {@value #FOUND} or the failure code ECR gave for it. A failure that does not name its
   * digest (moto answers with an empty image id) is given to every digest ECR did not return.
   */
  Map<String, String> batchGet(String account, String repository, List<String> digests) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < digests.size(); i += BATCH) {
      List<String> batch = digests.subList(i, Math.min(digests.size(), i + BATCH));
      List<ImageIdentifier> ids = new ArrayList<>();
      batch.forEach(d -> ids.add(ImageIdentifier.builder().imageDigest(d).build()));
      BatchGetImageResponse r;
      try {
        r = ecr.batchGetImage(b -> b.registryId(account).repositoryName(repository).imageIds(ids));
      } catch (SdkException e) {
        throw translate("BatchGetImage " + repository, e);
      }
      for (Image image : r.images()) {
        out.put(image.imageId().imageDigest(), FOUND);
      }
      String unnamed = null;
      for (ImageFailure f : r.failures()) {
        String digest = f.imageId() == null ? null : f.imageId().imageDigest();
        if (digest != null && batch.contains(digest)) {
          out.putIfAbsent(digest, f.failureCodeAsString());
        } else if (unnamed == null) {
          unnamed = f.failureCodeAsString();
        }
      }
      for (String d : batch) {
        out.putIfAbsent(d, unnamed == null ? "NotReturned" : unnamed);
      }
    }
    return out;
  }

  static AwsException translate(String operation, SdkException e) {
    return new AwsException(operation, AwsFailure.of(e, NOT_FOUND, false, true), null);
  }
}
