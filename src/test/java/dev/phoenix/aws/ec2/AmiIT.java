package dev.phoenix.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.aws.MotoClients;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

class AmiIT {
  @RegisterExtension
  static final MotoClients<Ec2Service, Ec2Client> AWS =
      new MotoClients<>(Ec2Service::connect, c -> AwsClients.build(Ec2Client.builder(), c));

  /** RegisterImage: cheap in moto (listing its ~1200 built-in AMIs to launch one costs seconds). */
  private static String newAmi(String name) {
    return AWS.raw().registerImage(b -> b.name(name).rootDeviceName("/dev/sda1")
        .blockDeviceMappings(m -> m.deviceName("/dev/sda1").ebs(e -> e.volumeSize(8)))).imageId();
  }

  @Test
  void availableIsOkDeregisteredAndUnknownAreMissing() {
    String kept = newAmi("phoenix-kept");
    String dropped = newAmi("phoenix-dropped");
    AWS.raw().deregisterImage(b -> b.imageId(dropped));
    Ref ok = new Ref.Ami(kept, "us-east-1");
    Ref deregistered = new Ref.Ami(dropped, "us-east-1");
    Ref never = new Ref.Ami("ami-0123456789abcdef0", "us-east-1");
    Map<Ref, Finding> out = AWS.service().checker().check(List.of(ok, deregistered, never), MotoAws.options(false));
    assertThat(out.get(ok)).isEqualTo(Finding.ok("available"));
    assertThat(out.get(deregistered).status()).isEqualTo(Status.MISSING);
    assertThat(out.get(deregistered).reason()).contains(dropped, "deregistered or never existed");
    assertThat(out.get(never).status()).isEqualTo(Status.MISSING);
  }

  @Test
  void lockConfirmsTheAmiInItsRegion() {
    String ami = newAmi("phoenix-lock");
    AmiInfo info = AWS.service().pins().describe(ami, "us-east-1");
    assertThat(info).isEqualTo(new AmiInfo(ami, "us-east-1", "available", "phoenix-lock", null));
    assertThatThrownBy(() -> AWS.service().pins().describe(ami, "eu-west-1"))
        .isInstanceOf(AwsException.class).hasMessageContaining("no AMI " + ami + " in eu-west-1");
  }

  @Test
  void copyImageIntoAMirrorRegionIsFoundAgainInsteadOfCopiedTwice() {
    String source = newAmi("phoenix-mirrored");
    AmiCopies.Copy first = AWS.service().copies().copy(source, "us-east-1", "eu-central-1");
    assertThat(first.alreadyThere()).isFalse();
    assertThat(first.amiId()).startsWith("ami-").isNotEqualTo(source);
    try (Ec2Client central = AwsClients.build(Ec2Client.builder(), dev.phoenix.aws.MotoAws.config(AWS.moto()), "eu-central-1")) {
      var image = central.describeImages(b -> b.imageIds(first.amiId())).images().get(0);
      assertThat(image.tags()).anySatisfy(t -> {
        assertThat(t.key()).isEqualTo(AmiCopies.COPY_TAG);
        assertThat(t.value()).isEqualTo(source);
      });
    }
    AmiCopies.Copy second = AWS.service().copies().copy(source, "us-east-1", "eu-central-1");
    assertThat(second.alreadyThere()).isTrue();
    assertThat(second.amiId()).isEqualTo(first.amiId());
  }
}
