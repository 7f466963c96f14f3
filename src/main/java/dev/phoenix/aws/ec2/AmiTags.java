package dev.phoenix.aws.ec2;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import dev.phoenix.check.KeepLabels;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * For {@code protect}: Phoenix's tags on machine images ({@code phoenix-keep-<env>=phoenix}). A tag
 * does not stop a deregistration by itself; a Recycle Bin retention rule on the tag makes a
 * deregistered image restorable (the rule is printed by {@code phoenix protect}).
 */
public final class AmiTags {
  public static final String VALUE = "phoenix";
  private final Ec2Service ec2;

  AmiTags(Ec2Service ec2) {
    this.ec2 = ec2;
  }

  /** Phoenix's tag keys on each of these images that exists (absent images are left out). */
  public Map<String, Set<String>> keepTags(Collection<String> imageIds, String region) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    List<String> ids = List.copyOf(new TreeSet<>(imageIds));
    for (int i = 0; i < ids.size(); i += AmiLookup.BATCH) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + AmiLookup.BATCH));
      List<Image> images;
      try {
        // a filter, not ImageIds: one unknown id does not fail the whole call
        images = ec2.client(region).describeImages(b -> b.filters(Filter.builder().name("image-id").values(batch).build())
            .includeDeprecated(true).includeDisabled(true)).images();
      } catch (SdkException e) {
        throw new AwsException("DescribeImages (" + region + ")", AwsFailure.of(e, Set.of(), false, true), null);
      }
      for (Image image : images) {
        Set<String> keys = new TreeSet<>();
        image.tags().stream().filter(t -> KeepLabels.isPhoenix(t.key())).forEach(t -> keys.add(t.key()));
        out.put(image.imageId(), keys);
      }
    }
    return out;
  }

  public void tag(String imageId, String region, String key) {
    try {
      ec2.client(region).createTags(b -> b.resources(imageId).tags(t -> t.key(key).value(VALUE)));
    } catch (SdkException e) {
      throw new AwsException("CreateTags " + imageId + " (" + region + ")",
          AwsFailure.of(e, AmiLookup.NOT_FOUND, false, true), null);
    }
  }

  public void untag(String imageId, String region, String key) {
    try {
      ec2.client(region).deleteTags(b -> b.resources(imageId).tags(t -> t.key(key)));
    } catch (SdkException e) {
      throw new AwsException("DeleteTags " + imageId + " (" + region + ")",
          AwsFailure.of(e, AmiLookup.NOT_FOUND, false, true), null);
    }
  }
}
