package dev.phoenix.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Talks to moto with raw SSM JSON-protocol requests (moto does not check signatures). */
class MotoServerIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void storesAnSsmParameterAndForgetsItOnReset() throws Exception {
    try (MotoServer moto = MotoServer.start()) {
      HttpResponse<String> put =
          ssm(moto, "PutParameter", "{\"Name\":\"/shop/db/host\",\"Value\":\"db-1.internal\",\"Type\":\"String\"}");
      assertThat(put.statusCode()).isEqualTo(200);
      assertThat(put.body()).contains("\"Version\": 1");
      ssm(moto, "PutParameter",
          "{\"Name\":\"/shop/db/host\",\"Value\":\"db-2.internal\",\"Type\":\"String\",\"Overwrite\":true}");

      HttpResponse<String> v1 = ssm(moto, "GetParameter", "{\"Name\":\"/shop/db/host:1\"}");
      HttpResponse<String> latest = ssm(moto, "GetParameter", "{\"Name\":\"/shop/db/host\"}");
      assertThat(v1.body()).contains("\"Value\": \"db-1.internal\"");
      assertThat(latest.body()).contains("\"Value\": \"db-2.internal\"").contains("\"Version\": 2");

      moto.reset();

      HttpResponse<String> after = ssm(moto, "GetParameter", "{\"Name\":\"/shop/db/host\"}");
      assertThat(after.statusCode()).isEqualTo(400);
      assertThat(after.body()).contains("ParameterNotFound");
    }
  }

  @Test
  void closeStopsTheServer() {
    MotoServer moto = MotoServer.start();
    assertThat(moto.endpoint().toString()).isEqualTo("http://127.0.0.1:" + moto.port());

    moto.close();

    assertThatThrownBy(() -> ssm(moto, "DescribeParameters", "{}")).isInstanceOf(java.io.IOException.class);
  }

  private HttpResponse<String> ssm(MotoServer moto, String action, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(moto.endpoint())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AmazonSSM." + action)
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + MotoServer.ACCESS_KEY + "/20260101/"
                    + MotoServer.REGION + "/ssm/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
