package dev.phoenix.rebuild.local;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.model.Source;
import dev.phoenix.model.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds estates for drill tests: stacks of services, each on a locked image, with config blocks. */
final class DrillEstates {
  private final String env;
  private final Map<String, Artefact> artefacts = new LinkedHashMap<>();
  private final Map<String, Map<String, ConfigSource>> config = new LinkedHashMap<>();
  private final Map<String, List<Stack.Service>> services = new LinkedHashMap<>();
  private final Map<String, List<Stack.Function>> functions = new LinkedHashMap<>();
  private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();

  DrillEstates(String env) {
    this.env = env;
  }

  DrillEstates stack(String name, String... deps) {
    services.put(name, new ArrayList<>());
    functions.put(name, new ArrayList<>());
    dependsOn.put(name, List.of(deps));
    return this;
  }

  /** A service on {@code image} ("host/repo@sha256:…") in the last stack added, health /healthz. */
  DrillEstates service(String name, String image, int replicas, Map<String, ConfigSource> cfg) {
    artefacts.put(name, new Artefact.ContainerImage(name, "1.0.0-1-abcdef0", ImageReference.of(image),
        new Source("https://git.example.com/" + name, "abcdef0"), List.of()));
    config.put(name, new LinkedHashMap<>(cfg));
    last(services).add(new Stack.Service(name, name, 8080, "/healthz", 256, 512, replicas, name));
    return this;
  }

  DrillEstates function(String name, S3ObjectVersion s3) {
    artefacts.put(name, new Artefact.LambdaPackage(name, "1.0.0-1-abcdef0", s3,
        new Source("https://git.example.com/" + name, "abcdef0"), List.of()));
    last(functions).add(new Stack.Function(name, name, "app.Handler", "java17", 512, null));
    return this;
  }

  Estate build() {
    List<Stack> stacks = new ArrayList<>();
    services.forEach((name, svc) -> stacks.add(
        new Stack(name, dependsOn.get(name), List.copyOf(svc), List.copyOf(functions.get(name)))));
    Lockfile lock = new Lockfile(env, List.copyOf(services.keySet()), artefacts, config);
    return new Estate(lock, stacks);
  }

  static Map<String, ConfigSource> plain(String... kv) {
    Map<String, ConfigSource> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], new ConfigSource.PlainValue(kv[i + 1]));
    }
    return out;
  }

  private static <T> List<T> last(Map<String, List<T>> map) {
    List<T> last = null;
    for (List<T> l : map.values()) {
      last = l;
    }
    return last;
  }
}
