package dev.phoenix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Certificates made with the real {@code openssl} and {@code keytool}: a test CA, server
 * certificates it signs, self-signed ones it does not, and a PKCS#12 trust store holding only the
 * CA (for a JVM started with {@code -Djavax.net.ssl.trustStore}).
 */
public final class TestCertificates {
  public static final String TRUST_STORE_PASSWORD = "phoenix-test";
  private final Path dir;
  private final Path openssl;

  private TestCertificates(Path dir) {
    this.dir = dir;
    this.openssl = Servers.requireBinary("openssl", "TLS test certificates");
  }

  /** A new CA (P-256 key, valid two days) in {@code dir}. */
  public static TestCertificates createCa(Path dir) {
    TestCertificates c = new TestCertificates(dir);
    c.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-days", "2", "-subj", "/CN=Phoenix test CA", "-keyout", c.f("ca.key"), "-out", c.f("ca.crt"),
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return c;
  }

  /** A server certificate for DNS name {@code host}, signed by this CA: [certificate, key]. */
  public Path[] signedFor(String host) {
    String name = "signed-" + host;
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=" + host,
        "-keyout", f(name + ".key"), "-out", f(name + ".csr"));
    write(name + ".ext", "subjectAltName=DNS:" + host + "\nextendedKeyUsage=serverAuth\n");
    openssl("x509", "-req", "-in", f(name + ".csr"), "-CA", f("ca.crt"), "-CAkey", f("ca.key"), "-CAcreateserial",
        "-days", "2", "-extfile", f(name + ".ext"), "-out", f(name + ".crt"));
    return new Path[] {dir.resolve(name + ".crt"), dir.resolve(name + ".key")};
  }

  /** A self-signed certificate for {@code host} that no trust store holds: [certificate, key]. */
  public Path[] selfSignedFor(String host) {
    String name = "self-" + host;
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
        "-subj", "/CN=" + host, "-addext", "subjectAltName=DNS:" + host, "-keyout", f(name + ".key"),
        "-out", f(name + ".crt"));
    return new Path[] {dir.resolve(name + ".crt"), dir.resolve(name + ".key")};
  }

  /** A PKCS#12 trust store with this CA as its only entry. */
  public Path trustStore() {
    Path store = dir.resolve("trust.p12");
    if (!Files.exists(store)) {
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      run(List.of(keytool.toString(), "-importcert", "-noprompt", "-alias", "phoenix-test-ca", "-file",
          dir.resolve("ca.crt").toString(), "-keystore", store.toString(), "-storetype", "PKCS12",
          "-storepass", TRUST_STORE_PASSWORD));
    }
    return store;
  }

  private void openssl(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(openssl.toString()));
    command.addAll(List.of(args));
    run(command);
  }

  private String f(String name) {
    return dir.resolve(name).toString();
  }

  private static void run(List<String> command) {
    try {
      Exec.run(Duration.ofSeconds(30), command, Map.of()).orThrow();
    } catch (RuntimeException e) {
      throw new IllegalStateException("making test certificates failed: " + e.getMessage(), e);
    }
  }

  private void write(String name, String content) {
    try {
      Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
