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

  public static final String DRILL = "d1a2b3c4";
  public static final String COMMIT = "9f3c2ab0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6";
  public static final String LAMBDA_SHA256 =
      "4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07";

  public static TargetOptions target(StateBackend backend) {
    return target(backend, DRILL);
  }

  /** The sample target for drill {@code drillId} of environment {@code test}. */
  public static TargetOptions target(StateBackend backend, String drillId) {
    return new TargetOptions(REGION, "shop-test", Optional.of(ACCOUNT), backend)
        .withScope(new Scope("test", drillId, COMMIT));
  }

  /** Two services (one secret and one SSM reference each) in stack core, one function in jobs. */
  public static SynthRequest twoServices(StateBackend backend) {
    return twoServices(target(backend));
  }

  /** {@link #twoServices(StateBackend)} for the given target. */
  public static SynthRequest twoServices(TargetOptions target) {
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
        new FunctionSpec("thumbnailer", "2.0.1-77-1a2b3c4", "shop-artefacts",
            "lambda/thumbnailer.zip", LAMBDA_VERSION, LAMBDA_SHA256, "app.handler", "python3.12",
            256, 45, Map.of("QUEUE_REF", "ssm:" + JOBS_QUEUE_PARAM + ":7"),
            new Grants(List.of(JOBS_QUEUE_PARAM), List.of()));
    return new SynthRequest(
        target,
        List.of(
            new StackSpec("core", List.of(), List.of(api, web), List.of()),
            new StackSpec("jobs", List.of("core"), List.of(), List.of(thumbnailer))));
  }

  public static final String REGISTRY_SECRET =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/registry-Qw12Er";
  public static final String DB_KEY =
      "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  public static final String FLAGS_KEY_ALIAS = "arn:aws:kms:eu-west-1:123456789012:alias/shop-flags";
  public static final String AUDIT_POLICY = "arn:aws:iam::123456789012:policy/shop-audit-writer";

  /**
   * Every option at once: {@link #twoServices} plus a worker (no health path) pulling from a
   * private registry with its credentials secret, customer-managed keys on the api's secret and
   * the web's parameter, a task policy, a function reading a secret, explicit zone ids and a single
   * NAT gateway.
   */
  public static SynthRequest everything(StateBackend backend, String drillId) {
    TargetOptions target =
        target(backend, drillId)
            .withNetwork(
                new NetworkOptions(
                    List.of("euw1-az3", "euw1-az1", "euw1-az2"),
                    NetworkOptions.NatGateways.SINGLE));
    SynthRequest base = twoServices(target);
    ServiceSpec api = base.stacks().get(0).services().get(0);
    ServiceSpec web = base.stacks().get(0).services().get(1);
    ServiceSpec keyedApi =
        new ServiceSpec(api.name(), api.image(), "1.4.2-318-9f3c2ab", api.port(), api.healthPath(),
            120, api.cpu(), api.memory(), api.replicas(), api.env(), api.secrets(),
            new Grants(api.grants().parameterArns(), api.grants().secretArns(), List.of(DB_KEY)),
            null, new TaskRole(List.of(AUDIT_POLICY)));
    ServiceSpec keyedWeb =
        new ServiceSpec(web.name(), web.image(), "0.9.0-12-aa11bb2", web.port(), web.healthPath(),
            ServiceSpec.DEFAULT_HEALTH_GRACE_SECONDS, web.cpu(), web.memory(), web.replicas(),
            web.env(), web.secrets(),
            new Grants(web.grants().parameterArns(), web.grants().secretArns(),
                List.of(FLAGS_KEY_ALIAS)),
            null, TaskRole.NONE);
    ServiceSpec worker =
        new ServiceSpec("worker", "registry.example.com/shop/worker@sha256:" + "%064x".formatted(3),
            "3.1.0-5-cc22dd3", 9000, null, 0, 256, 512, 1, Map.of("MODE", "batch"), Map.of(),
            Grants.NONE, REGISTRY_SECRET, TaskRole.NONE);
    FunctionSpec reporter =
        new FunctionSpec("reporter", "1.0.0-3-ee44ff5", "shop-artefacts", "lambda/reporter.zip",
            LAMBDA_VERSION, "%064x".formatted(42), "app.handler", "python3.12", 512, 300,
            Map.of("DB_PASSWORD", "secret:" + DB_SECRET + ":0f6f2a1c-1d2e-4c3b-9a8b-7c6d5e4f3a2b",
                "QUEUE_REF", "ssm:" + JOBS_QUEUE_PARAM + ":7"),
            new Grants(List.of(JOBS_QUEUE_PARAM), List.of(DB_SECRET), List.of(DB_KEY)));
    return new SynthRequest(
        target,
        List.of(
            new StackSpec("core", List.of(), List.of(keyedApi, keyedWeb, worker), List.of()),
            new StackSpec("jobs", List.of("core"), List.of(),
                List.of(base.stacks().get(1).functions().get(0), reporter))));
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

  public static final String LEDGER_SNAPSHOT = "ledger-2026-10-02-0300";
  public static final String SESSIONS_BACKUP =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/sessions/backup/01796289563913-80e0dbcb";
  public static final java.time.Instant AT = java.time.Instant.parse("2026-10-02T14:30:00Z");

  /**
   * {@code base} plus a stack {@code data} (after {@code core}) with one datastore of each kind: an
   * RDS instance from a snapshot, one to a point in time, a DynamoDB table to a point in time and
   * one the SDK restored from an on-demand backup.
   */
  public static SynthRequest withDatastores(SynthRequest base) {
    List<StackSpec> stacks = new ArrayList<>(base.stacks());
    stacks.add(new StackSpec("data", List.of("core"), List.of(), List.of(), List.of(
        DatastoreSpec.RdsInstance.fromSnapshot("ledger-db", "postgres", "db.t3.micro", 5432, LEDGER_SNAPSHOT),
        DatastoreSpec.RdsInstance.toPointInTime("audit-db", "postgres", "db.t3.small", 5433, "shop-audit", AT),
        new DatastoreSpec.DynamoPointInTime("orders", "shop-orders", AT, "pk", "sk", Map.of("pk", "S", "sk", "N")),
        new DatastoreSpec.DynamoFromBackup("sessions", "shop-test-sessions-" + DRILL, SESSIONS_BACKUP))));
    return new SynthRequest(base.target(), stacks, base.environment(), base.emulator());
  }
}
