package dev.phoenix.yaml;

import java.util.Optional;
import java.util.Set;

/**
 * Tells a Phoenix document from any other file before a single field of it is reported. A file
 * that is not recognisably Phoenix's (not a map, no {@code apiVersion: phoenix/…}, or a kind that
 * is none of Phoenix's) gets one problem that quotes nothing of it: an unknown-field or
 * did-you-mean message would otherwise print its lines (a linked {@code /etc/shadow}, a CI
 * runner's files) into public logs (docs/security.md).
 */
public final class Foreign {
  /** Every kind Phoenix writes; one of them where another was expected is still Phoenix's file. */
  public static final Set<String> KINDS = Set.of("EnvironmentLock", "Stack", "PromotionPolicy", "Targets", "Regions");

  private Foreign() {}

  /**
   * Why {@code root} is not a Phoenix document, as a located problem that repeats none of its
   * content; empty when it is one (its fields may then be reported by name).
   *
   * @param what e.g. "the lockfile"
   * @param kind the kind expected, e.g. "EnvironmentLock"
   */
  public static Optional<YamlException> check(YamlNode root, String what, String kind) {
    String fix = "start it with apiVersion: phoenix/v1 and kind: " + kind + " (docs/lockfile.md)";
    if (!(root instanceof YamlNode.MapNode map)) {
      return Optional.of(new YamlException(root.line(),
          what + " is not a Phoenix document: it must be a map, found " + root.describe(), fix));
    }
    String api = text(map, "apiVersion");
    String k = text(map, "kind");
    if (api == null || !api.startsWith("phoenix/") || k == null || !KINDS.contains(k)) {
      return Optional.of(new YamlException(1,
          what + " is not a Phoenix document: it has no apiVersion: phoenix/… and kind: " + kind
              + " at the top, so none of its content is repeated here", fix));
    }
    return Optional.empty();
  }

  private static String text(YamlNode.MapNode map, String key) {
    YamlNode.Entry e = map.entries().get(key);
    return e != null && e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING
        ? s.text() : null;
  }
}
