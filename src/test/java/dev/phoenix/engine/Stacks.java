package dev.phoenix.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test stacks made only of built-in {@code terraform_data} resources (no provider download). */
final class Stacks {

  static final String SECRET = "s3cr3t-never-printed";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Stacks() {}

  /**
   * A chain r1 -> r2 -> ... -> rn (each depends on the one before). Resource {@code gate} reads
   * {@code gate.txt} as its input and runs a local-exec provisioner that fails unless it says
   * {@code ok}. Outputs: {@code last} (plain), {@code token} (sensitive), {@code from_var} (the
   * default of a variable, which a stray TF_VAR_ must not override).
   */
  static void chain(Path dir, int n, int gate, String gateInput) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode resources = root.putObject("resource").putObject("terraform_data");
    for (int i = 1; i <= n; i++) {
      ObjectNode r = resources.putObject("r" + i);
      if (i == gate) {
        r.put("input", "${trimspace(file(\"${path.module}/gate.txt\"))}");
        r.putArray("provisioner").addObject().putObject("local-exec")
            .put("command", "test '${self.input}' = ok || { echo gate r" + i + " is closed >&2; exit 7; }");
      } else {
        r.put("input", "value-" + i);
      }
      if (i > 1) {
        ArrayNode dependsOn = r.putArray("depends_on");
        dependsOn.add("terraform_data.r" + (i - 1));
      }
    }
    root.putObject("variable").putObject("stray").put("type", "string").put("default", "from-lockfile");
    ObjectNode outputs = root.putObject("output");
    outputs.putObject("last").put("value", "${terraform_data.r" + n + ".output}");
    outputs.putObject("token").put("value", SECRET).put("sensitive", true);
    outputs.putObject("from_var").put("value", "${var.stray}");
    Files.writeString(dir.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Files.writeString(dir.resolve("gate.txt"), gateInput);
  }

  /** One resource whose provisioner sleeps, to exercise timeouts. */
  static void sleeper(Path dir, int seconds) throws IOException {
    sleeper(dir, seconds, null);
  }

  /** As above; the sleeping process writes its pid to {@code pidFile} first (when not null). */
  static void sleeper(Path dir, int seconds, Path pidFile) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("resource").putObject("terraform_data").putObject("slow").put("input", "x")
        .putArray("provisioner").addObject().putObject("local-exec").put("command",
            pidFile == null ? "sleep " + seconds : "echo $$ > " + pidFile + "; exec sleep " + seconds);
    Files.writeString(dir.resolve("main.tf.json"), JSON.writeValueAsString(root));
  }
}
