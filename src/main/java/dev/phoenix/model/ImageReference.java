package dev.phoenix.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference {@code registry/repository[:tag][@digest]}. Phoenix only ever
 * stores references with a digest; a tag alone is refused by validation.
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern REGISTRY =
      Pattern.compile("(?:[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");

  /** Why a reference could not be parsed, or the parsed reference. */
  public record Reading(ImageReference reference, String error) {}

  public static Reading parse(String text) {
    if (text == null || text.isBlank()) {
      return new Reading(null, "image reference is empty");
    }
    String rest = text;
    String digestText = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digestText = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        return new Reading(null, "tag '" + tag + "' is not a valid tag");
      }
    }
    int firstSlash = rest.indexOf('/');
    if (firstSlash < 0) {
      return new Reading(null, "image '" + text + "' names no registry host");
    }
    String registry = rest.substring(0, firstSlash);
    String repository = rest.substring(firstSlash + 1);
    if (!(registry.contains(".") || registry.contains(":") || registry.equals("localhost"))
        || !REGISTRY.matcher(registry).matches()) {
      return new Reading(null, "image '" + text + "' does not start with a registry host");
    }
    for (String part : repository.split("/", -1)) {
      if (!COMPONENT.matcher(part).matches()) {
        return new Reading(null, "repository '" + repository + "' is not a valid repository name");
      }
    }
    Digest digest = null;
    if (digestText != null) {
      Optional<Digest> parsed = Digest.parse(digestText);
      if (parsed.isEmpty()) {
        return new Reading(null, "digest '" + digestText + "' is not sha256: followed by 64 lowercase hex characters");
      }
      digest = parsed.get();
    }
    return new Reading(new ImageReference(registry, repository, tag, digest), null);
  }

  public static ImageReference of(String text) {
    Reading parsed = parse(text);
    if (parsed.reference() == null) {
      throw new IllegalArgumentException(parsed.error());
    }
    return parsed.reference();
  }

  public boolean pinned() {
    return digest != null;
  }

  /** The same image by digest only, which is what Phoenix pulls and deploys. */
  public String digestReference() {
    return registry + "/" + repository + "@" + digest;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(registry).append('/').append(repository);
    if (tag != null) {
      s.append(':').append(tag);
    }
    if (digest != null) {
      s.append('@').append(digest);
    }
    return s.toString();
  }

}
