package dev.phoenix.cli;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.Docker;
import dev.phoenix.drill.LocalTarget;
import dev.phoenix.drill.Teardown;
import dev.phoenix.report.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "teardown", mixinStandardHelpOptions = true,
    description = "Remove everything local drills created for an environment: containers, volumes and the network "
        + "labelled phoenix.env=ENV on the Docker daemon (DOCKER_HOST), and nothing else (docs/local-drills.md).")
final class TeardownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--target", required = true, paramLabel = "TARGET", description = "local (the only target torn down by Phoenix).")
  String target;
  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text") OutputFormat output;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    if (!LocalTarget.NAME.equals(target)) {
      throw PhoenixException.input("teardown supports --target local only, not '" + target + "'",
          "for AWS, destroy the rebuilt stacks with the engine (docs/rebuild.md)");
    }
    PrintWriter out = spec.commandLine().getOut();
    Teardown.Result r;
    try (Docker docker = Docker.connect()) {
      r = Teardown.run(docker, env);
    }
    if (output == OutputFormat.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("environment", env);
      m.put("target", target);
      m.put("containers", r.containers());
      m.put("volumes", r.volumes());
      m.put("networks", r.networks());
      out.println(Json.write(m));
    } else if (r.nothing()) {
      out.println("teardown " + env + " --target local: nothing labelled phoenix.env=" + env + " was found");
    } else {
      out.println("teardown " + env + " --target local: removed " + r.containers().size() + " container(s), "
          + r.volumes().size() + " volume(s), " + r.networks().size() + " network(s)");
      r.containers().forEach(c -> out.println("  container " + c));
      r.volumes().forEach(v -> out.println("  volume " + v));
      r.networks().forEach(n -> out.println("  network " + n));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
