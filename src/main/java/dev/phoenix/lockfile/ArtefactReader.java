package dev.phoenix.lockfile;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.Artefact.ContainerImage;
import dev.phoenix.model.Artefact.LambdaPackage;
import dev.phoenix.model.Artefact.MachineImage;
import dev.phoenix.model.ArtefactVersion;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.model.Source;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.MapNode;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One entry under {@code artefacts:}. */
final class ArtefactReader {
  private static final Set<String> COMMON = Set.of("type", "version", "source", "assurance");
  private static final Set<String> IMAGE = union(COMMON, "image");
  private static final Set<String> LAMBDA = union(COMMON, "s3");
  private static final Set<String> AMI = union(COMMON, "ami", "region");
  private static final Set<String> S3 = Set.of("bucket", "key", "versionId", "sha256");
  private static final Set<String> SOURCE = Set.of("repository", "commit");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern AMI_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
  static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]");
  static final int MAX_NAME = 64;
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

  private ArtefactReader() {}

  static Optional<Artefact> read(Fields f, Entry entry) {
    String name = entry.key();
    String path = "artefacts." + name;
    if (name.length() > MAX_NAME) {
      f.problem(entry.keyLine(), "artefact name '" + name.substring(0, 20) + "…' is " + name.length()
              + " characters long, over the limit of " + MAX_NAME,
          "shorten it to at most " + MAX_NAME + " lowercase letters, digits and dashes");
    } else if (!NAME.matcher(name).matches()) {
      f.problem(entry.keyLine(), "artefact name '" + name + "' is not a lowercase name",
          "use lowercase letters, digits and dashes, e.g. payments-api");
    }
    Optional<MapNode> node = f.map(entry.value(), path);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    MapNode m = node.get();
    String type = f.text(m, "type", path, true);
    String version = f.text(m, "version", path, true);
    if (version != null && ArtefactVersion.parse(version).isEmpty()) {
      f.problem(Fields.lineOf(m, "version"),
          path + ".version '" + version + "' is not of the form <semver>-<build-number>-<commit>",
          "use the version the build stamped, e.g. 1.4.2-318-9f3c2ab");
    }
    Source source = source(f, m, path);
    var assurance = AssuranceReader.read(f, m, path);
    if (type == null) {
      return Optional.empty();
    }
    switch (type) {
      case "container-image" -> {
        f.onlyKnown(m, path, IMAGE);
        ImageReference image = image(f, m, path);
        return Optional.of(new ContainerImage(name, version, image, source, assurance));
      }
      case "lambda-package" -> {
        f.onlyKnown(m, path, LAMBDA);
        S3ObjectVersion s3 = s3(f, m, path);
        return Optional.of(new LambdaPackage(name, version, s3, source, assurance));
      }
      case "machine-image" -> {
        f.onlyKnown(m, path, AMI);
        String ami = f.text(m, "ami", path, true);
        if (ami != null && !AMI_ID.matcher(ami).matches()) {
          f.problem(Fields.lineOf(m, "ami"), path + ".ami '" + ami + "' is not an AMI id",
              "write the image id, e.g. ami-0123456789abcdef0");
        }
        String region = f.text(m, "region", path, true);
        if (region != null && !REGION.matcher(region).matches()) {
          f.problem(Fields.lineOf(m, "region"), path + ".region '" + region + "' is not an AWS region",
              "write the region the AMI lives in, e.g. eu-west-2");
        }
        return Optional.of(new MachineImage(name, version, ami, region, source, assurance));
      }
      default -> {
        f.problem(Fields.lineOf(m, "type"), path + ".type '" + type + "' is not a known artefact type",
            "use container-image, lambda-package or machine-image");
        return Optional.empty();
      }
    }
  }

  private static ImageReference image(Fields f, MapNode m, String path) {
    String text = f.text(m, "image", path, true);
    if (text == null) {
      return null;
    }
    int line = Fields.lineOf(m, "image");
    ImageReference.Reading parsed = ImageReference.parse(text);
    if (parsed.reference() == null) {
      f.problem(line, path + ".image: " + parsed.error(),
          "write registry/repository@sha256:<64 hex>, e.g. registry.example.com/payments/api@sha256:…");
      return null;
    }
    ImageReference ref = parsed.reference();
    if (!ref.pinned()) {
      f.problem(line,
          path + ".image '" + text + "' has a tag" + (ref.tag() == null ? "" : " (:" + ref.tag() + ")")
              + " but no digest, so it can change under you",
          "pin it by digest: " + ref.registry() + "/" + ref.repository()
              + "@sha256:<digest> (phoenix lock resolves a tag to its digest once)");
      return null;
    }
    return ref;
  }

  private static S3ObjectVersion s3(Fields f, MapNode m, String path) {
    Optional<MapNode> node = f.entry(m, "s3", path, true).flatMap(e -> f.map(e.value(), path + ".s3"));
    if (node.isEmpty()) {
      return null;
    }
    MapNode s = node.get();
    String p = path + ".s3";
    f.onlyKnown(s, p, S3);
    String bucket = f.text(s, "bucket", p, true);
    String key = f.text(s, "key", p, true);
    String versionId = null;
    if (s.entries().containsKey("versionId")) {
      versionId = f.text(s, "versionId", p, false);
      if ("null".equals(versionId)) {
        f.problem(Fields.lineOf(s, "versionId"), p + ".versionId is 'null': the bucket was not versioned when uploaded",
            "enable versioning on the bucket, upload again and pin the new versionId");
        versionId = null;
      }
    } else {
      f.problem(s.line(), p + " has no versionId, so a re-upload would silently replace the package",
          "pin the S3 object version: versionId: <id> (phoenix lock --lambda pins it)");
    }
    String sha256 = null;
    if (s.entries().containsKey("sha256")) {
      sha256 = f.text(s, "sha256", p, false);
      if (sha256 != null && !SHA256_HEX.matcher(sha256).matches()) {
        f.problem(Fields.lineOf(s, "sha256"), p + ".sha256 is not 64 lowercase hex characters",
            "write the package's sha256 (sha256sum package.zip)");
        sha256 = null;
      }
    } else {
      f.problem(s.line(), p + " has no sha256, so corrupt or swapped bytes would go unnoticed",
          "add sha256: <64 hex> of the package (phoenix lock --lambda records it)");
    }
    return new S3ObjectVersion(bucket, key, versionId, sha256);
  }

  private static Source source(Fields f, MapNode m, String path) {
    return f.entry(m, "source", path, false)
        .flatMap(e -> f.map(e.value(), path + ".source"))
        .map(s -> {
          f.onlyKnown(s, path + ".source", SOURCE);
          return new Source(
              f.text(s, "repository", path + ".source", true), f.text(s, "commit", path + ".source", true));
        })
        .orElse(null);
  }

  private static Set<String> union(Set<String> base, String... more) {
    var all = new java.util.TreeSet<>(base);
    all.addAll(java.util.List.of(more));
    return java.util.Collections.unmodifiableSet(all);
  }
}
