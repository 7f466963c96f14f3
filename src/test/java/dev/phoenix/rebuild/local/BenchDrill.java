package dev.phoenix.rebuild.local;

import dev.phoenix.docker.Docker;
import dev.phoenix.model.Estate;
import dev.phoenix.testsupport.DockerDaemon;
import dev.phoenix.testsupport.Exec;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run by {@code scripts/bench-drill}: a 20-service environment (3 stacks: 4 data, 8 core, 8 edge;
 * 4 images) brought up cold (images not on the daemon) by a plain shell script (20 {@code docker
 * run} one after another, then poll each health endpoint) and by Phoenix's local drill, in the same
 * run, repeated {@code rounds} times alternating which goes first.
 */
public final class BenchDrill {
  private BenchDrill() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    try (DockerDaemon daemon = DockerDaemon.ensureRunning(); LocalRegistry registry = LocalRegistry.start();
        Docker docker = Docker.connect()) {
      List<String> images = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        images.add(registry.reference("bench/img" + i, registry.pushImage("bench/img" + i, "v1")));
      }
      System.out.printf("Docker %s (API %s), storage driver %s, %d cores%n",
          daemon.docker("version", "--format", "{{.Server.Version}}").stdout().strip(), daemon.serverApiVersion(),
          daemon.docker("info", "--format", "{{.Driver}}").stdout().strip(), Runtime.getRuntime().availableProcessors());
      List<long[]> results = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        boolean shellFirst = round % 2 == 1;
        long shell = 0;
        long phoenix = 0;
        for (int step = 0; step < 2; step++) {
          clean(daemon, docker, images);
          if ((step == 0) == shellFirst) {
            shell = shell(daemon, images, round);
          } else {
            phoenix = phoenix(docker, images, round);
          }
        }
        clean(daemon, docker, images);
        results.add(new long[] {shell, phoenix});
        System.out.printf(Locale.ROOT, "round %d (%s first): shell %d ms, phoenix %d ms, ratio %.2f%n",
            round, shellFirst ? "shell" : "phoenix", shell, phoenix, shell / (double) phoenix);
      }
      long shellMedian = median(results.stream().mapToLong(r -> r[0]).toArray());
      long phoenixMedian = median(results.stream().mapToLong(r -> r[1]).toArray());
      System.out.printf(Locale.ROOT, "median of %d: shell %d ms, phoenix %d ms, shell/phoenix %.2f%n",
          rounds, shellMedian, phoenixMedian, shellMedian / (double) phoenixMedian);
      long warm = rerun(docker, images);
      System.out.printf(Locale.ROOT, "phoenix re-run with all 20 running (reuse): %d ms%n", warm);
      clean(daemon, docker, images);
    }
  }

  static Estate estate(String env, List<String> images) {
    DrillEstates e = new DrillEstates(env);
    int n = 0;
    String[][] stacks = {{"data"}, {"core", "data"}, {"edge", "core"}};
    int[] sizes = {4, 8, 8};
    for (int s = 0; s < stacks.length; s++) {
      String[] deps = java.util.Arrays.copyOfRange(stacks[s], 1, stacks[s].length);
      e.stack(stacks[s][0], deps);
      for (int i = 0; i < sizes[s]; i++, n++) {
        e.service(stacks[s][0] + i, images.get(n % images.size()), 1, DrillEstates.plain("SERVICE", "s" + n));
      }
    }
    return e.build();
  }

  static long phoenix(Docker docker, List<String> images, int round) {
    int parallelism = Integer.parseInt(System.getenv().getOrDefault("BENCH_PARALLELISM", "6"));
    DrillOutcome o = new LocalDrill(docker, ConfigResolver.none(), PackageFetcher.none(),
        new DrillOptions(Duration.ofSeconds(60), parallelism, 20)).run(estate("bench", images), "bench", "round" + round);
    if (System.getenv("BENCH_VERBOSE") != null) {
      DrillLines.progress(o).forEach(System.out::println);
    }
    if (!o.ok()) {
      throw new IllegalStateException("phoenix drill failed: " + DrillLines.progress(o));
    }
    return o.totalMillis();
  }

  static long rerun(Docker docker, List<String> images) {
    phoenix(docker, images, 99);
    return phoenix(docker, images, 100);
  }

  /** The baseline: a generated bash script, 20 docker run one after another, then poll each health endpoint. */
  static long shell(DockerDaemon daemon, List<String> images, int round) throws Exception {
    StringBuilder s = new StringBuilder("set -euo pipefail\nstart=$(date +%s%N)\n");
    s.append("docker network create --label phoenix.bench=1 bench-shell >/dev/null\n");
    Estate estate = estate("bench", images);
    List<String> names = new ArrayList<>();
    for (var stack : estate.stacks()) {
      for (var svc : stack.services()) {
        String name = "bench-shell-" + svc.name();
        names.add(name);
        String image = ((dev.phoenix.model.Artefact.ContainerImage) estate.lockfile().artefacts().get(svc.artefact()))
            .image().digestReference();
        s.append("docker run -d --name ").append(name).append(" --label phoenix.bench=1 --network bench-shell")
            .append(" --network-alias ").append(svc.name()).append(" -p 127.0.0.1::8080 -e SERVICE=x ")
            .append(image).append(" >/dev/null\n");
      }
    }
    for (String name : names) {
      s.append("port=$(docker port ").append(name).append(" 8080 | head -n1 | sed 's/.*://')\n")
          .append("until curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:$port/healthz; do sleep 0.1; done\n");
    }
    s.append("echo $(( ($(date +%s%N) - start) / 1000000 ))\n");
    Path script = Files.createTempFile("bench-drill-shell", ".sh");
    Files.writeString(script, s.toString(), StandardCharsets.UTF_8);
    if (round == 1) {
      Files.copy(script, Path.of("target/bench-drill-baseline.sh"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Exec.Result r = Exec.run(Duration.ofMinutes(10), List.of("bash", script.toString()), Map.of());
    Files.delete(script);
    if (!r.ok()) {
      throw new IllegalStateException("baseline script failed: " + r.stderr());
    }
    return Long.parseLong(r.lastLine());
  }

  static void clean(DockerDaemon daemon, Docker docker, List<String> images) {
    Teardown.run(docker, "bench");
    String ids = daemon.docker("ps", "-aq", "--filter", "label=phoenix.bench=1").stdout().strip();
    if (!ids.isEmpty()) {
      List<String> rm = new ArrayList<>(List.of("rm", "-f"));
      rm.addAll(List.of(ids.split("\\s+")));
      daemon.docker(rm.toArray(String[]::new));
    }
    daemon.docker("network", "rm", "bench-shell");
    List<String> rmi = new ArrayList<>(List.of("rmi", "-f"));
    rmi.addAll(images);
    daemon.docker(rmi.toArray(String[]::new));
  }

  static long median(long[] values) {
    long[] v = values.clone();
    java.util.Arrays.sort(v);
    return v[v.length / 2];
  }
}
