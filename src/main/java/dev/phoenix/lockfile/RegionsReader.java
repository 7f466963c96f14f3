package dev.phoenix.lockfile;

import dev.phoenix.model.Regions;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code environments/<env>/regions.yaml} (docs/regions.md): the primary region,
 * and per mirror region the registry hosts and buckets its copies go to. Every problem at once,
 * with its line.
 */
public final class RegionsReader {
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "primary", "mirrors");
  private static final Set<String> MIRROR = Set.of("registries", "buckets", "secrets");
  private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private RegionsReader() {}

  /** Empty value, no problems, when the environment has no regions file. */
  public static Parsed<Regions> read(EstateFiles files, String environment) {
    String path = Regions.path(environment);
    EstateFiles.Lookup lookup = files.lookup(path);
    if (lookup.refusal().isPresent()) {
      return new Parsed<>(null, java.util.List.of(EstateReader.refused(path, lookup.refusal().get())));
    }
    return lookup.bytes().map(b -> read(path, b, environment)).orElse(new Parsed<>(null, java.util.List.of()));
  }

  public static Parsed<Regions> read(String file, byte[] content, String environment) {
    return Documents.read(file, content, "the regions file", Regions.KIND, (f, m) -> read(f, m, environment));
  }

  private static Regions read(Fields f, MapNode root, String environment) {
    f.onlyKnown(root, "", TOP);
    f.header(root, Regions.KIND);
    String primary = region(f, root, "primary", "the regions file");
    Map<String, Regions.Mirror> mirrors = new LinkedHashMap<>();
    f.entry(root, "mirrors", "the regions file", true).flatMap(e -> f.map(e.value(), "mirrors")).ifPresent(map -> {
      if (map.entries().isEmpty()) {
        f.problem(map.line(), "mirrors lists no region", "add a mirror region, e.g. eu-central-1: {registries: {…}, buckets: {…}}");
      }
      for (Entry e : map.entries().values()) {
        String region = e.key();
        if (!ArtefactReader.REGION.matcher(region).matches()) {
          f.problem(e.keyLine(), "mirrors." + region + " is not an AWS region", "write a region name, e.g. eu-central-1");
          continue;
        }
        if (region.equals(primary)) {
          f.problem(e.keyLine(), "mirrors." + region + " is the primary region itself",
              "mirror into another region; a copy in the same region does not survive its loss");
          continue;
        }
        mirror(f, e, region).ifPresent(m -> mirrors.put(region, m));
      }
    });
    return new Regions(environment, primary, mirrors);
  }

  private static String region(Fields f, MapNode map, String key, String path) {
    String region = f.text(map, key, path, true);
    if (region != null && !ArtefactReader.REGION.matcher(region).matches()) {
      f.problem(Fields.lineOf(map, key), key + " '" + region + "' is not an AWS region", "write a region name, e.g. eu-west-2");
      return null;
    }
    return region;
  }

  private static java.util.Optional<Regions.Mirror> mirror(Fields f, Entry entry, String region) {
    String path = "mirrors." + region;
    return f.map(entry.value(), path).map(m -> {
      f.onlyKnown(m, path, MIRROR);
      Map<String, String> registries = pairs(f, m, "registries", path, HOST, "a registry host (host or host:port)");
      Map<String, String> buckets = pairs(f, m, "buckets", path, BUCKET, "an S3 bucket name (3-63 of a-z, 0-9, '.', '-')");
      if (!m.entries().containsKey("registries") && !m.entries().containsKey("buckets")) {
        f.problem(m.line(), path + " names neither registries nor buckets",
            "add registries: {source-host: mirror-host} and/or buckets: {source: mirror}");
      }
      Regions.SecretMode secrets = Regions.SecretMode.COPY;
      String word = f.text(m, "secrets", path, false);
      if (word != null) {
        if (word.equals("replicate")) {
          secrets = Regions.SecretMode.REPLICATE;
        } else if (!word.equals("copy")) {
          f.problem(Fields.lineOf(m, "secrets"), path + ".secrets '" + shorten(word) + "' is neither replicate nor copy",
              "write secrets: copy (a copy of each pinned version, the default) or secrets: replicate (a Secrets "
                  + "Manager replica where the secret allows it)");
        }
      }
      return new Regions.Mirror(region, registries, buckets, secrets);
    });
  }

  /** A map of source name to mirror name, each checked against {@code rule}. */
  private static Map<String, String> pairs(Fields f, MapNode m, String key, String path, Pattern rule, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    String here = path + "." + key;
    f.entry(m, key, path, false).flatMap(e -> f.map(e.value(), here)).ifPresent(map -> {
      for (Entry e : map.entries().values()) {
        YamlNode v = e.value();
        if (!rule.matcher(e.key()).matches()) {
          f.problem(e.keyLine(), here + ": '" + e.key() + "' is not " + what, "write " + what);
          continue;
        }
        if (!(v instanceof Scalar s) || s.kind() != Scalar.Kind.STRING || !rule.matcher(s.text()).matches()) {
          f.problem(e.keyLine(), here + "." + e.key() + " must be " + what + ", found " + describe(v),
              "write " + e.key() + ": <mirror's name>");
          continue;
        }
        if (s.text().equals(e.key())) {
          f.problem(e.keyLine(), here + "." + e.key() + " points at itself",
              "name the mirror region's " + (key.equals("buckets") ? "bucket" : "registry") + ", not the source");
          continue;
        }
        out.put(e.key(), s.text());
      }
    });
    return out;
  }

  private static String describe(YamlNode v) {
    return v instanceof Scalar s && s.kind() == Scalar.Kind.STRING ? "'" + shorten(s.text()) + "'" : v.describe();
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 60) + "…";
  }
}
