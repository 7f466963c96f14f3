package dev.phoenix.aws.ec2;

import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Copies a machine image into a mirror region (CopyImage; the copy gets a new id) and tags the copy
 * {@value #COPY_TAG}{@code =<source id>}, so a later run finds it instead of copying again. The
 * request's client token is derived from the source id and region, so a retried call does not start
 * a second copy.
 */
public final class AmiCopies {
  public static final String COPY_TAG = "phoenix:copy-of";
  private final Ec2Service ec2;

  AmiCopies(Ec2Service ec2) {
    this.ec2 = ec2;
  }

  /** The copy's id in {@code region}, and whether it was already there. */
  public record Copy(String amiId, String region, boolean alreadyThere) {}

  public Optional<String> find(String sourceAmi, String region) {
    Ec2Client client = ec2.client(region);
    try {
      return client.describeImages(b -> b.owners("self")
              .filters(Filter.builder().name("tag:" + COPY_TAG).values(sourceAmi).build()))
          .images().stream().map(Image::imageId).findFirst();
    } catch (SdkException e) {
      throw new AwsException("DescribeImages in " + region, AwsFailure.of(e, Set.of(), false, true), null);
    }
  }

  public Copy copy(String sourceAmi, String sourceRegion, String region) {
    Optional<String> there = find(sourceAmi, region);
    if (there.isPresent()) {
      return new Copy(there.get(), region, true);
    }
    Ec2Client client = ec2.client(region);
    String id;
    try {
      id = client.copyImage(b -> b.sourceImageId(sourceAmi).sourceRegion(sourceRegion)
          .name("phoenix-copy-of-" + sourceAmi).clientToken("phoenix-" + sourceAmi + "-" + region)
          .description("copy of " + sourceAmi + " (" + sourceRegion + ") by phoenix mirror")).imageId();
    } catch (SdkException e) {
      throw new AwsException("CopyImage " + sourceAmi + " (" + sourceRegion + ") to " + region,
          AwsFailure.of(e, Set.of("InvalidAMIID.NotFound", "InvalidAMIID.Unavailable"), false, true), null);
    }
    try {
      client.createTags(b -> b.resources(id).tags(Tag.builder().key(COPY_TAG).value(sourceAmi).build()));
    } catch (SdkException e) {
      throw new AwsException("CreateTags " + id + " in " + region, AwsFailure.of(e, Set.of(), false, true), null);
    }
    return new Copy(id, region, false);
  }
}
