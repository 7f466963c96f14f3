package dev.phoenix.rebuild.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service's resolved environment. Values read from SSM or Secrets Manager are held only here,
 * in memory: {@link #toString()} lists names, {@link #hash} gives a salted digest of what the
 * lockfile pins by value (the config label {@code phoenix drift} compares), {@link #datastoreHash} one
 * of the datastore addresses this drill gave (a fresh password each drill: not comparable by value,
 * so kept out of {@link #hash}), {@link #storeValues} feeds the drill's {@link SecretMask} (text shown
 * to people).
 */
public final class EnvConfig {
  private final Map<String, String> values;
  private final Set<String> fromStores;
  private final Set<String> fromDatastores;

  EnvConfig(Map<String, String> values, Set<String> fromStores) {
    this(values, fromStores, Set.of());
  }

  /** {@code fromDatastores}: the names filled from {@code {datastore: NAME}} (also in {@code fromStores}: masked). */
  EnvConfig(Map<String, String> values, Set<String> fromStores, Set<String> fromDatastores) {
    this.values = new LinkedHashMap<>(values);
    this.fromStores = Set.copyOf(fromStores);
    this.fromDatastores = Set.copyOf(fromDatastores);
  }

  static EnvConfig empty() {
    return new EnvConfig(Map.of(), Set.of());
  }

  /** The variables for the container; hand them to Docker, nowhere else. */
  Map<String, String> values() {
    return Map.copyOf(values);
  }

  /** The values read from SSM or Secrets Manager: what {@link SecretMask} masks. */
  List<String> storeValues() {
    return fromStores.stream().map(values::get).filter(v -> v != null).toList();
  }

  public Set<String> names() {
    return values.keySet();
  }

  /**
   * SHA-256 over salt and the sorted NAME=value pairs, hex, leaving out the names filled from a
   * datastore's address: what the lockfile pins by value, and what {@code phoenix drift} recomputes
   * ({@link RunningConfig#hash}) without a drill's datastores.
   */
  String hash(String salt) {
    Map<String, String> pinned = new TreeMap<>(values);
    pinned.keySet().removeAll(fromDatastores);
    return sha256(salt, pinned);
  }

  /**
   * SHA-256 over salt and the datastore addresses this drill filled in, hex; null when the config has
   * none. A container is reused only when this matches too (a new drill's datastore has a new password).
   */
  String datastoreHash(String salt) {
    if (fromDatastores.isEmpty()) {
      return null;
    }
    Map<String, String> addresses = new TreeMap<>(values);
    addresses.keySet().retainAll(fromDatastores);
    return sha256(salt, addresses);
  }

  private static String sha256(String salt, Map<String, String> sorted) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> e : sorted.entrySet()) {
        sha.update((e.getKey().length() + ":" + e.getKey() + "=" + e.getValue().length() + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "EnvConfig" + values.keySet() + " (values redacted)";
  }
}
