package dev.phoenix.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.MotoServer;
import dev.phoenix.testsupport.TerraformValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code terraform plan} (Terraform 1.11.4, hashicorp/aws 5.100.0) of synthesized stacks against
 * moto, for what only a plan shows: the function stack stops with the bucket-region precondition's
 * message when the code bucket is in another region and plans when it is in the function's own;
 * the network stack's default zones resolve to the region's first zone ids in sorted order.
 */
class SynthPlanIT {
  private static MotoServer moto;

  @TempDir Path out;

  @BeforeAll
  static void start() {
    moto = MotoServer.shared();
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  private static S3Client s3(String region) {
    return S3Client.builder().endpointOverride(moto.endpoint()).region(Region.of(region)).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  void aCodeBucketInAnotherRegionStopsThePlanAndDefaultZonesAreTheFirstZoneIds() throws Exception {
    moto.reset();
    TerraformValidator terraform = new TerraformValidator(out.resolve("tf"));
    SynthResult result = new Synthesizer().synthesize(
        SampleRequests.twoServices(StateBackend.local()), out.resolve("synth"), "plan");
    // one configuration: the function's precondition and the network's zones are planned together
    Path jobs = result.stacks().get(SynthRequest.ROOT_STACK).getParent();
    Path network = jobs;

    try (S3Client useast = s3("us-east-1")) {
      useast.createBucket(b -> b.bucket("shop-artefacts"));
      Exec.Result elsewhere = terraform.plan(jobs, moto.endpoint(), MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
      assertThat(elsewhere.ok()).isFalse();
      assertThat(elsewhere.stderr().replaceAll("\\s+", " "))
          .contains("Resource precondition failed")
          .contains("Lambda reads code only from a bucket in its own region: function thumbnailer runs in "
              + "eu-west-1 but its package is in bucket shop-artefacts of another region");
      useast.deleteBucket(b -> b.bucket("shop-artefacts"));
    }
    try (S3Client euwest = s3(SampleRequests.REGION)) {
      euwest.createBucket(b -> b.bucket("shop-artefacts")
          .createBucketConfiguration(c -> c.locationConstraint(SampleRequests.REGION)));
      Exec.Result own = terraform.plan(jobs, moto.endpoint(), MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
      assertThat(own.ok()).as(own.stderr()).isTrue();
      assertThat(own.stdout()).contains("aws_lambda_function.fn_thumbnailer will be created")
          .contains("shop-test-thumbnailer-" + SampleRequests.DRILL);
    }

    Exec.Result zones = terraform.plan(network, moto.endpoint(), MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY);
    assertThat(zones.ok()).as(zones.stderr()).isTrue();
    String plan = zones.stdout().replaceAll("\\s+", " ");
    assertThat(plan).contains("aws_subnet.private_0 will be created")
        .contains("availability_zone_id = \"euw1-az1\"").contains("availability_zone_id = \"euw1-az2\"")
        .doesNotContain("euw1-az3")
        .contains("aws_nat_gateway.nat_gw_1 will be created")
        .contains("name = \"shop-test-" + SampleRequests.DRILL + "\"");
  }
}
