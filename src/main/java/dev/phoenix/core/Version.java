package dev.phoenix.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Phoenix's own version, {@code ${semver}-${build-number}-${commit}}, stamped at build time. */
public final class Version {
  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/phoenix/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
