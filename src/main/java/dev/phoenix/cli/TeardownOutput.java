package dev.phoenix.cli;

import dev.phoenix.rebuild.aws.AwsTeardown;
import dev.phoenix.rebuild.local.Teardown;
import dev.phoenix.report.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code phoenix teardown} on stdout: what was removed, as text or JSON (docs/json.md). */
final class TeardownOutput {
  private TeardownOutput() {}

  static String local(Teardown.Result r, String target, boolean json) {
    StringBuilder b = new StringBuilder();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("environment", r.environment());
      m.put("target", target);
      m.put("containers", r.containers());
      m.put("volumes", r.volumes());
      m.put("networks", r.networks());
      line(b, Json.write(m));
    } else if (r.nothing()) {
      line(b, "teardown " + r.environment() + " --target local: nothing labelled phoenix.env=" + r.environment() + " was found");
    } else {
      line(b, "teardown " + r.environment() + " --target local: removed " + r.containers().size() + " container(s), "
          + r.volumes().size() + " volume(s), " + r.networks().size() + " network(s)");
      r.containers().forEach(c -> line(b, "  container " + c));
      r.volumes().forEach(v -> line(b, "  volume " + v));
      r.networks().forEach(n -> line(b, "  network " + n));
    }
    return b.toString();
  }

  static String aws(AwsTeardown.Result r, String target, boolean json) {
    StringBuilder b = new StringBuilder();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("environment", r.environment());
      m.put("target", target);
      m.put("destroyed", r.destroyed());
      m.put("materializedDeleted", r.copiesDeleted());
      m.put("restoredTablesDeleted", r.tablesDeleted());
      line(b, Json.write(m));
    } else {
      line(b, "teardown " + r.environment() + " --target aws: destroyed " + r.destroyed() + " resource(s) of " + r.workDir()
          + ", deleted " + r.copiesDeleted().size() + " materialized copy(ies)");
      r.copiesDeleted().forEach(c -> line(b, "  ssm parameter " + c));
      r.tablesDeleted().forEach(t -> line(b, "  restored dynamodb table " + t));
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String text) {
    b.append(text).append(System.lineSeparator());
  }
}
