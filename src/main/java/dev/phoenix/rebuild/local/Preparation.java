package dev.phoenix.rebuild.local;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.docker.Docker;
import dev.phoenix.docker.PulledImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Everything a drill needs before it starts a container, done in parallel: each distinct image
 * pulled by digest, each service's config read at its pinned versions, each Lambda package fetched
 * and checked. Any failure stops the drill here, before anything starts.
 */
final class Preparation {
  /** Pulled images and their pull times by digest reference, env by service, function results. */
  record Ready(Map<String, PulledImage> images, Map<String, Long> pullMillis, Map<String, EnvConfig> env,
      List<FunctionResult> functions, List<String> failures) {}

  private Preparation() {}

  static Ready run(DrillPlan plan, Docker docker, ConfigResolver config, PackageFetcher packages,
      ExecutorService pool) {
    Map<String, PulledImage> images = new ConcurrentHashMap<>();
    Map<String, Long> pullMillis = new ConcurrentHashMap<>();
    Map<String, EnvConfig> env = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<?>> work = new ArrayList<>();
    Map<String, Boolean> refs = new LinkedHashMap<>();
    plan.services().forEach(s -> refs.put(s.image().digestReference(), true));
    for (String ref : refs.keySet()) {
      work.add(CompletableFuture.runAsync(() -> {
        long t = System.nanoTime();
        try {
          images.put(ref, docker.pullByDigest(ref));
        } catch (PhoenixException e) {
          rethrowUnavailable(e);
          failures.add("image " + ref + ": " + e.getMessage());
        } finally {
          pullMillis.put(ref, (System.nanoTime() - t) / 1_000_000);
        }
      }, pool));
    }
    for (DrillPlan.ServicePlan s : plan.services()) {
      work.add(CompletableFuture.runAsync(() -> {
        try {
          env.put(s.name(), ConfigReading.resolve(s.service().config(), s.config(), config));
        } catch (PhoenixException e) {
          rethrowUnavailable(e);
          failures.add("service " + s.name() + ": " + e.getMessage());
        }
      }, pool));
    }
    List<CompletableFuture<FunctionResult>> fns = plan.functions().stream()
        .map(f -> CompletableFuture.supplyAsync(() -> FunctionCheck.check(f, packages), pool)).toList();
    work.addAll(fns);
    Parallel.awaitAll(work);
    List<FunctionResult> functions = fns.stream().map(CompletableFuture::join).toList();
    functions.stream().filter(f -> !f.ok())
        .forEach(f -> failures.add("function " + f.function() + " (" + f.uri() + "): " + f.failure()));
    return new Ready(Map.copyOf(images), Map.copyOf(pullMillis), Map.copyOf(env), functions, List.copyOf(failures));
  }

  private static void rethrowUnavailable(PhoenixException e) {
    if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
      throw e;
    }
  }
}
