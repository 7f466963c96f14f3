package dev.phoenix.registry.bench;

import dev.phoenix.registry.RegistryClient;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.registry.RegistrySettings;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One way to HEAD a manifest by digest. The candidate libraries (ORAS Java SDK, Jib core) are not
 * project dependencies: scripts/bench-registry puts them on the classpath and they are driven by
 * reflection, so the normal build neither needs nor ships them.
 */
interface HeadProbe extends AutoCloseable {

  /** True when the registry has the manifest. */
  boolean exists(String repo, String digest) throws Exception;

  @Override
  default void close() {}

  static HeadProbe of(String name, String hostPort) throws Exception {
    switch (name) {
      case "httpclient":
        return httpClient(hostPort);
      case "oras":
        return oras(hostPort);
      case "jib":
        return jib(hostPort);
      default:
        throw new IllegalArgumentException("unknown option " + name + " (httpclient, oras, jib)");
    }
  }

  /** Phoenix's own client (java.net.http). */
  private static HeadProbe httpClient(String hostPort) {
    RegistrySettings settings = RegistrySettings.defaults();
    RegistryClient client = new RegistryClient(RegistryCredentials.anonymous(), settings, Set.of());
    return new HeadProbe() {
      @Override
      public boolean exists(String repo, String digest) {
        return client.headManifest(hostPort, repo, digest, Instant.now().plusSeconds(60)).isPresent();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  /** land.oras:oras-java-sdk: Registry.builder().insecure().build().probeDescriptor(ref) (a HEAD). */
  private static HeadProbe oras(String hostPort) throws Exception {
    Class<?> registryClass = Class.forName("land.oras.Registry");
    Object builder = registryClass.getMethod("builder").invoke(null);
    builder = builder.getClass().getMethod("insecure").invoke(builder);
    Object registry = builder.getClass().getMethod("build").invoke(builder);
    Class<?> refClass = Class.forName("land.oras.ContainerRef");
    Method parse = refClass.getMethod("parse", String.class);
    Method probe = registryClass.getMethod("probeDescriptor", refClass);
    return (repo, digest) -> probe.invoke(registry, parse.invoke(null, hostPort + "/" + repo + "@" + digest)) != null;
  }

  /** com.google.cloud.tools:jib-core: RegistryClient.checkManifest (a HEAD), one client per repository. */
  private static HeadProbe jib(String hostPort) throws Exception {
    Class<?> httpClass = Class.forName("com.google.cloud.tools.jib.http.FailoverHttpClient");
    Consumer<Object> ignore = event -> {};
    Object http = httpClass.getConstructor(boolean.class, boolean.class, Consumer.class).newInstance(true, false, ignore);
    Class<?> handlersClass = Class.forName("com.google.cloud.tools.jib.event.EventHandlers");
    Object none = handlersClass.getField("NONE").get(null);
    Class<?> clientClass = Class.forName("com.google.cloud.tools.jib.registry.RegistryClient");
    Method factory = clientClass.getMethod("factory", handlersClass, String.class, String.class, httpClass);
    Method check = clientClass.getMethod("checkManifest", String.class);
    java.util.Map<String, Object> clients = new java.util.concurrent.ConcurrentHashMap<>();
    return (repo, digest) -> {
      Object client = clients.computeIfAbsent(repo, r -> {
        try {
          Object f = factory.invoke(null, none, hostPort, r, http);
          return f.getClass().getMethod("newRegistryClient").invoke(f);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      });
      return ((java.util.Optional<?>) check.invoke(client, digest)).isPresent();
    };
  }
}
