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
 * in memory: {@link #toString()} lists names, {@link #hash} gives a salted digest for the idempotency
 * label, {@link #storeValues} feeds the drill's {@link SecretMask} (text shown to people).
 */
public final class EnvConfig {
  private final Map<String, String> values;
  private final Set<String> fromStores;

  EnvConfig(Map<String, String> values, Set<String> fromStores) {
    this.values = new LinkedHashMap<>(values);
    this.fromStores = Set.copyOf(fromStores);
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

  /** SHA-256 over salt and the sorted NAME=value pairs, hex. */
  String hash(String salt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
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
