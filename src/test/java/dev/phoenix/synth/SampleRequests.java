package dev.phoenix.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Requests used by the tests and the benchmark. Holds ARNs and references only. */
public final class SampleRequests {

  public static final String ACCOUNT = "123456789012";
  public static final String REGION = "eu-west-1";
  public static final String DB_SECRET =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf";
  public static final String DB_SECRET_PINNED =
      DB_SECRET + ":password::0f6f2a1c-1d2e-4c3b-9a8b-7c6d5e4f3a2b";
  public static final String API_KEY_SECRET =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/api-key-Xy12Zw";
  public static final String API_KEY_PINNED =
      API_KEY_SECRET + ":::6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  public static final String API_URL_PARAM =
      "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/api/url";
  public static final String WEB_FLAGS_PARAM =
      "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/web/flags";
  public static final String JOBS_QUEUE_PARAM =
      "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/jobs/queue";
  public static final String LAMBDA_VERSION = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY";

  private SampleRequests() {}

  public static String image(String repository, int seed) {
    return ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/" + repository + "@sha256:"
        + String.format("%064x", seed);
  }

  public static TargetOptions target(StateBackend backend) {
    return new TargetOptions(REGION, "shop-test", Optional.of(ACCOUNT), backend);
  }

  /** Two services (one secret and one SSM reference each) in stack core, one function in jobs. */
  public static SynthRequest twoServices(StateBackend backend) {
    ServiceSpec api =
        new ServiceSpec("api", image("shop/api", 1), 8080, "/healthz", 256, 512, 2,
            Map.of("LOG_LEVEL", "info"),
            Map.of("DB_PASSWORD", DB_SECRET_PINNED, "API_URL", API_URL_PARAM),
            new Grants(List.of(API_URL_PARAM), List.of(DB_SECRET)));
    ServiceSpec web =
        new ServiceSpec("web", image("shop/web", 2), 3000, "/ready", 512, 1024, 1,
            Map.of("PUBLIC_NAME", "shop"),
            Map.of("API_KEY", API_KEY_PINNED, "FLAGS", WEB_FLAGS_PARAM + ":7"),
            new Grants(List.of(WEB_FLAGS_PARAM), List.of(API_KEY_SECRET)));
    FunctionSpec thumbnailer =
        new FunctionSpec("thumbnailer", "shop-artefacts", "lambda/thumbnailer.zip",
            LAMBDA_VERSION, "app.handler", "python3.12", 256,
            Map.of("QUEUE_REF", "ssm:/shop/jobs/queue:7"),
            new Grants(List.of(JOBS_QUEUE_PARAM), List.of()));
    return new SynthRequest(
        target(backend),
        List.of(
            new StackSpec("core", List.of(), List.of(api, web), List.of()),
            new StackSpec("jobs", List.of("core"), List.of(), List.of(thumbnailer))));
  }

  /** {@code count} services in one stack, each with one secret and one SSM reference. */
  public static SynthRequest manyServices(int count) {
    List<ServiceSpec> services = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:gen/s" + i + "-Ab12Cd";
      String param = "arn:aws:ssm:eu-west-1:123456789012:parameter/gen/p" + i;
      services.add(
          new ServiceSpec("svc" + i, image("gen/svc" + i, 100 + i), 8080, "/health", 256, 512, 1,
              Map.of("INDEX", Integer.toString(i)),
              Map.of("SECRET", secret + ":::v" + i, "PARAM", param),
              new Grants(List.of(param), List.of(secret))));
    }
    return new SynthRequest(
        target(StateBackend.local()),
        List.of(new StackSpec("apps", List.of(), services, List.of())));
  }
}
