package dev.phoenix.registry;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which scheme a registry is spoken to with: plain HTTP only for loopback hosts (127.0.0.0/8,
 * localhost, [::1]) and hosts listed as insecure; HTTPS with verified TLS everywhere else.
 */
public final class HostRules {
  private HostRules() {}

  public static boolean plainHttpAllowed(String registry, Set<String> insecureRegistries) {
    String lower = registry.toLowerCase(Locale.ROOT);
    return isLoopback(hostOf(lower)) || insecureRegistries.contains(lower) || insecureRegistries.contains(hostOf(lower));
  }

  /** http://registry or https://registry. */
  public static URI base(String registry, Set<String> insecureRegistries) {
    return URI.create((plainHttpAllowed(registry, insecureRegistries) ? "http://" : "https://") + registry);
  }

  /** "host" of "host:port", "[::1]" of "[::1]:5000". */
  static String hostOf(String registry) {
    if (registry.startsWith("[")) {
      int end = registry.indexOf(']');
      return end < 0 ? registry : registry.substring(0, end + 1);
    }
    int colon = registry.lastIndexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }

  static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.equals("[::1]") || host.equals("::1")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** A URL may be fetched over plain HTTP only when its host may (token realms, redirects). */
  static boolean schemeAllowed(URI uri, Set<String> insecureRegistries) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      return true;
    }
    String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    return "http".equalsIgnoreCase(uri.getScheme()) && authority != null
        && plainHttpAllowed(authority, insecureRegistries);
  }
}
