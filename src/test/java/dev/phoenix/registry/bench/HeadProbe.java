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
      case "phoenix":
        return phoenix(hostPort);
      case "jdk-httpclient":
        return jdkHttpClient(hostPort);
      case "urlconnection":
        return urlConnection(hostPort);
      case "oras":
        return oras(hostPort);
      case "jib":
        return jib(hostPort);
      default:
        throw new IllegalArgumentException("unknown option " + name + " (phoenix, jdk-httpclient, urlconnection, oras, jib)");
    }
  }

  /** Phoenix's own client (dev.phoenix.registry over HttpURLConnection). */
  private static HeadProbe phoenix(String hostPort) {
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

  /** The bare JDK java.net.http.HttpClient (HTTP/1.1), the transport Phoenix's client used first. */
  private static HeadProbe jdkHttpClient(String hostPort) {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    return (repo, digest) -> {
      java.net.http.HttpRequest request = java.net.http.HttpRequest
          .newBuilder(java.net.URI.create("http://" + hostPort + "/v2/" + repo + "/manifests/" + digest))
          .header("Accept", ACCEPT).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
      return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    };
  }

  /** The bare JDK HttpURLConnection (keep-alive), the transport under Phoenix's client now. */
  private static HeadProbe urlConnection(String hostPort) {
    System.setProperty("http.maxConnections", "64");
    return (repo, digest) -> {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI
          .create("http://" + hostPort + "/v2/" + repo + "/manifests/" + digest).toURL().openConnection();
      c.setRequestMethod("HEAD");
      c.setRequestProperty("Accept", ACCEPT);
      int status = c.getResponseCode();
      c.getInputStream().close();
      return status == 200;
    };
  }

  String ACCEPT = "application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json";

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
