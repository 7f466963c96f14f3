package dev.phoenix.aws.ec2;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * DescribeImages by ImageIds in batches. EC2 fails a whole call when one id is unknown or
 * malformed; such a batch is split in halves until the offending ids stand alone, so n ids with k
 * unknown cost about 1 + 2k·log2(n) calls instead of n.
 */
final class AmiLookup {
  /** Found images, and the ids EC2 says do not exist with its error code ("absent" when just not returned). */
  record Result(Map<String, AmiInfo> found, Map<String, String> absent) {}

  static final Set<String> NOT_FOUND =
      Set.of("InvalidAMIID.NotFound", "InvalidAMIID.Unavailable", "InvalidAMIID.Malformed");
  static final int BATCH = 100;
  private final Ec2Client ec2;
  private final String region;
  private int calls;

  AmiLookup(Ec2Client ec2, String region) {
    this.ec2 = ec2;
    this.region = region;
  }

  Result lookup(List<String> ids) {
    Result out = new Result(new LinkedHashMap<>(), new LinkedHashMap<>());
    for (int i = 0; i < ids.size(); i += BATCH) {
      lookupBatch(ids.subList(i, Math.min(ids.size(), i + BATCH)), out);
    }
    return out;
  }

  int calls() {
    return calls;
  }

  private void lookupBatch(List<String> ids, Result out) {
    List<Image> images;
    try {
      calls++;
      images = ec2.describeImages(b -> b.imageIds(ids).includeDeprecated(true).includeDisabled(true)).images();
    } catch (SdkException e) {
      AwsFailure f = AwsFailure.of(e, NOT_FOUND, false, true);
      if (f.kind() != AwsFailure.Kind.NOT_FOUND) {
        throw new AwsException("DescribeImages (" + region + ")", f, null);
      }
      if (ids.size() == 1) {
        out.absent().put(ids.get(0), f.code());
        return;
      }
      int half = ids.size() / 2;
      lookupBatch(ids.subList(0, half), out);
      lookupBatch(ids.subList(half, ids.size()), out);
      return;
    }
    for (Image image : images) {
      out.found().put(image.imageId(), new AmiInfo(image.imageId(), region, image.stateAsString(),
          image.name(), instant(image.deprecationTime())));
    }
    for (String id : ids) {
      if (!out.found().containsKey(id)) {
        out.absent().put(id, "absent");
      }
    }
  }

  static Instant instant(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
