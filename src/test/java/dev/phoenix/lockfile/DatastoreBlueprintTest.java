package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Stack;
import dev.phoenix.support.Estates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code datastores:} in blueprints and {@code {datastore: NAME}} in config (docs/lockfile.md, Datastores). */
class DatastoreBlueprintTest {
  private static final String FILE = "stacks/apps.yaml";
  private static final String LEDGER = """
      datastores:
        - name: ledger-db
          engine: postgres
          image: ledger-postgres
          backups: {s3: {bucket: ledger-backups, prefix: ledger-db/}}
          rpo: 24h
          probe: {sql: "select count(*) from entries", min: 1}
      """;

  private static Parsed<Stack> read(String body) {
    String yaml = "apiVersion: phoenix/v1\nkind: Stack\nname: apps\n" + body;
    return StackReader.read(FILE, yaml.getBytes(StandardCharsets.UTF_8), "apps");
  }

  private static List<String> problems(String body) {
    return read(body).problems().stream().map(Problem::render).toList();
  }

  @Test
  void theIssuesExampleReadsIntoItsRecord() {
    Parsed<Stack> stack = read(LEDGER + """
          - name: ledger-table
            engine: dynamodb
            backups: {dynamodb: {table: ledger}}
            rpo: 1h
            probe: {min: 0}
          - name: ledger-rds
            engine: postgres
            image: ledger-postgres
            backups: {rds: {instance: ledger}}
            rpo: 2d
            probe: {sql: select count(*) from entries}
        """);
    assertThat(stack.problems()).isEmpty();
    List<Datastore> ds = stack.value().datastores();
    assertThat(ds.get(0)).isEqualTo(new Datastore("ledger-db", Datastore.DbEngine.POSTGRES, "ledger-postgres",
        new Datastore.S3Dumps("ledger-backups", "ledger-db/"), Duration.ofHours(24),
        new Datastore.RestoreProbe("select count(*) from entries", 1)));
    assertThat(ds.get(1)).isEqualTo(new Datastore("ledger-table", Datastore.DbEngine.DYNAMODB, null,
        new Datastore.DynamoDbBackups("ledger"), Duration.ofHours(1), new Datastore.RestoreProbe(null, 0)));
    assertThat(ds.get(2).backups()).isEqualTo(new Datastore.RdsSnapshots("ledger"));
    assertThat(ds.get(2).probe().min()).as("default min").isEqualTo(1);
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() {
    assertThat(problems("""
        datastores:
          - name: Ledger
            engine: mysql
            backups: {s3: {bucket: B}, rds: {instance: x}}
            rpo: a day
            probe: {sql: "select 1; drop table entries", min: -1}
          - name: ledger-db
            engine: dynamodb
            backups: {s3: {bucket: ledger-backups}}
            rpo: 24h
            probe: {sql: "select count(*) from t"}
          - name: pg
            engine: postgres
            backups: {s3: {bucket: ok-bucket, prefix: /abs/}}
            rpo: 1h
            probe: {mni: 2}
        """)).containsExactly(
        "stacks/apps.yaml:5: datastores[0].name: service or function name 'Ledger' is not allowed: use 1 to 40 lowercase letters, digits and '-', starting with a letter — rename it (docs/lockfile.md, Names)",
        "stacks/apps.yaml:6: datastores[0].engine 'mysql' is not an engine Phoenix restores — write one of: postgres, dynamodb",
        "stacks/apps.yaml:7: datastores[0].backups must have exactly one of s3, rds or dynamodb — write {s3: {bucket: B, prefix: P/}}, {rds: {instance: I}} or {dynamodb: {table: T}}",
        "stacks/apps.yaml:8: datastores[0].rpo 'a day' is not a duration — write the data loss this environment accepts as a number and a unit, e.g. rpo: 24h (units s, m, h, d, w)",
        "stacks/apps.yaml:9: datastores[0].probe.min is -1, outside the allowed range: 0 or more — write a number 0 or more",
        "stacks/apps.yaml:9: datastores[0].probe.sql must be one select statement returning a count — write e.g. sql: \"select count(*) from entries\" (no ';', no comments): the drill prints only the count",
        "stacks/apps.yaml:12: datastores[1].backups.s3 backups cannot be restored into a dynamodb datastore — a dynamodb datastore takes dynamodb backups",
        "stacks/apps.yaml:14: datastores[1].probe.sql on a dynamodb datastore: its probe is the table's item count — drop sql and keep min: N",
        "stacks/apps.yaml:15: datastores[2] has no 'image' — add image: to datastores[2]",
        "stacks/apps.yaml:17: datastores[2].backups.s3.prefix '/abs/' starts with '/': S3 keys do not — write it without the leading slash, e.g. prefix: ledger-db/",
        "stacks/apps.yaml:19: unknown field 'mni' in datastores[2].probe — did you mean 'min'?",
        "stacks/apps.yaml:19: datastores[2].probe has no 'sql' — add sql: to datastores[2].probe");
  }

  @Test
  void aDatastoreDeclaredTwiceInAStack() {
    assertThat(problems(LEDGER + LEDGER.substring("datastores:\n".length()))).containsExactly(
        "stacks/apps.yaml:11: datastores[1]: datastore 'ledger-db' is declared twice (first at line 5) — give each datastore its own name");
  }

  // --- across the lockfile and the blueprints

  private final Map<String, String> files = new LinkedHashMap<>();

  private Parsed<Estate> estate() {
    return EstateReader.read(new EstateFiles() {
      @Override
      public Lookup lookup(String path) {
        return Optional.ofNullable(files.get(path)).map(s -> Lookup.of(s.getBytes(StandardCharsets.UTF_8)))
            .orElse(Lookup.absent());
      }

      @Override
      public SortedSet<String> environments() {
        return new TreeSet<>(List.of("prod"));
      }

      @Override
      public String label() {
        return "test";
      }
    }, "prod");
  }

  private void sample(String image, String url) {
    files.put("environments/prod/environment.lock.yaml", Estates.prodLock()
        .replace("DATABASE_URL: {ssm: /prod/payments/database-url, version: 7}", "DATABASE_URL: " + url));
    files.put("stacks/services.yaml", Estates.servicesStack() + LEDGER.replace("ledger-postgres", image));
    files.put("stacks/functions.yaml", Estates.functionsStack());
  }

  @Test
  void aServiceReachesADeclaredDatastoreThroughConfig() {
    sample("ledger-worker", "{datastore: ledger-db}");
    Parsed<Estate> estate = estate();
    assertThat(estate.problems()).isEmpty();
    assertThat(estate.value().lockfile().config().get("payments-api").get("DATABASE_URL"))
        .isEqualTo(new ConfigSource.DatastoreAddress("ledger-db"));
    assertThat(estate.value().stacks().get(0).datastores()).extracting(Datastore::name).containsExactly("ledger-db");
  }

  @Test
  void anUndeclaredDatastoreAnImageThatIsNoContainerImageAndALiteralAddressAreRefused() {
    sample("statements", "{datastore: ledger}");
    assertThat(estate().problems().stream().map(Problem::render).toList()).containsExactlyInAnyOrder(
        "stacks/services.yaml:11: artefact 'statements' is a lambda-package in environments/prod/environment.lock.yaml, but a container-image is needed here — point at a container-image artefact",
        "environments/prod/environment.lock.yaml:36: config.payments-api.DATABASE_URL names datastore 'ledger', which no stack of environment prod declares — fix the name; declared: ledger-db");
    sample("ledger-worker", "{value: \"postgres://ledger.internal:5432/ledger\"}");
    assertThat(estate().problems().stream().map(Problem::render).toList()).containsExactly(
        "environments/prod/environment.lock.yaml:36: config.payments-api.DATABASE_URL is a database address written as a literal: a rebuild would point the service at whatever that address reaches, not at the data it restored — declare the datastore in a stack (datastores:) and write {datastore: NAME}");
  }
}
