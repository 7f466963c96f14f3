package dev.phoenix.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.aws.FakeEndpoint;
import dev.phoenix.aws.FakeEndpoint.Response;
import dev.phoenix.aws.MotoAws;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What moto cannot do: real EC2 fails a whole DescribeImages call for one unknown id, and reports
 * DeprecationTime. A canned EC2 endpoint answers like AWS does.
 */
class AmiFakeEc2Test {
  private static final Map<String, String> IMAGES = Map.of(
      "ami-00000001", "<deprecationTime>2020-01-01T00:00:00.000Z</deprecationTime>",
      "ami-00000002", "",
      "ami-00000003", "<deprecationTime>2999-01-01T00:00:00.000Z</deprecationTime>");

  static Response describeImages(FakeEndpoint.Request request) {
    List<String> ids = new ArrayList<>();
    request.form().forEach((k, v) -> {
      if (k.startsWith("ImageId.")) {
        ids.add(v);
      }
    });
    for (String id : ids) {
      if (!IMAGES.containsKey(id)) {
        return new Response(400, "text/xml", "<Response><Errors><Error><Code>InvalidAMIID.NotFound</Code>"
            + "<Message>The image id '[" + id + "]' does not exist</Message></Error></Errors>"
            + "<RequestID>r</RequestID></Response>");
      }
    }
    StringBuilder xml = new StringBuilder(
        "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><imagesSet>");
    for (String id : ids) {
      xml.append("<item><imageId>").append(id).append("</imageId><imageState>available</imageState>")
          .append("<name>n</name>").append(IMAGES.get(id)).append("</item>");
    }
    return new Response(200, "text/xml", xml.append("</imagesSet></DescribeImagesResponse>").toString());
  }

  @Test
  void deprecatedIsAtRiskAndOneUnknownIdDoesNotSinkTheBatch() {
    try (FakeEndpoint ec2 = new FakeEndpoint(AmiFakeEc2Test::describeImages);
        Ec2Service service = Ec2Service.connect(ec2.config())) {
      List<Ref> refs = new ArrayList<>();
      for (String id : List.of("ami-00000001", "ami-00000002", "ami-00000003", "ami-0000dead")) {
        refs.add(new Ref.Ami(id, "us-east-1"));
      }
      Map<Ref, Finding> out = service.checker().check(refs, MotoAws.options(false));

      assertThat(out.get(refs.get(0))).isEqualTo(Finding.atRisk("deprecated since 2020-01-01T00:00:00Z"));
      assertThat(out.get(refs.get(1))).isEqualTo(Finding.ok("available"));
      assertThat(out.get(refs.get(2)).status()).isEqualTo(Status.OK);
      assertThat(out.get(refs.get(2)).reason()).contains("deprecation scheduled for 2999");
      assertThat(out.get(refs.get(3)).status()).isEqualTo(Status.MISSING);
      assertThat(out.get(refs.get(3)).reason()).contains("ami-0000dead", "InvalidAMIID.NotFound");
      // 1 failed batch of 4 → halves (2 ok; 2 fail) → singles (1 ok, 1 fail) = 5 calls
      assertThat(ec2.requests()).hasSize(5);
      assertThat(ec2.requests().get(0).form()).containsEntry("IncludeDeprecated", "true");
    }
  }

  @Test
  void allKnownIdsTakeOneCall() {
    try (FakeEndpoint ec2 = new FakeEndpoint(AmiFakeEc2Test::describeImages);
        Ec2Service service = Ec2Service.connect(ec2.config())) {
      List<Ref> refs = List.of(new Ref.Ami("ami-00000001", "us-east-1"), new Ref.Ami("ami-00000002", "us-east-1"),
          new Ref.Ami("ami-00000001", "us-east-1"));
      Map<Ref, Finding> out = service.checker().check(refs, MotoAws.options(false));
      assertThat(out).hasSize(2);
      assertThat(ec2.requests()).hasSize(1);
    }
  }
}
