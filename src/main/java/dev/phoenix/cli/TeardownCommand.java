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
        + "labelled phoenix.env=ENV on the Docker daemon (DOCKER_HOST), and nothing else (docs/local-drills.md).",
    footer = {"", "Exit codes: 0 removed (or nothing to remove), 2 usage error,",
        "            3 Docker daemon unreachable or not answering in time, or a rebuild of ENV holds the lock."})
final class TeardownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--env", required = true, paramLabel = "ENV") String env;
  @Option(names = "--target", required = true, paramLabel = "TARGET", description = "local (the only target torn down by Phoenix).")
  String target;
  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text") OutputFormat output;
  @Option(names = "--docker-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long each Docker daemon call may take before teardown fails (exit 3). Default: ${DEFAULT-VALUE}.")
  long dockerTimeout;

  @Override
  public Integer call() {
    EnvNames.check("--env", env);
    if (!LocalTarget.NAME.equals(target)) {
      throw PhoenixException.input("teardown supports --target local only, not '" + target + "'",
          "for AWS, destroy the rebuilt stacks with the engine (docs/rebuild.md)");
    }
    if (dockerTimeout < 1 || dockerTimeout > 3600) {
      throw PhoenixException.input("--docker-timeout must be 1..3600 seconds, was " + dockerTimeout,
          "give a whole number of seconds");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Teardown.Result r;
    try (Docker docker = Docker.connect(java.time.Duration.ofSeconds(dockerTimeout))) {
      r = Teardown.locked(docker, env, line -> {
        err.println(line);
        err.flush();
      });
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
