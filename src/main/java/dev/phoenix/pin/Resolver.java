package dev.phoenix.pin;

import dev.phoenix.check.Pinning;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Digest;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks the stores, once each, what every reference of a lock request is right now: a tag becomes
 * the digest it points at, an S3 key its current versionId and sha256, a parameter or secret its
 * current version. Every failure is collected; nothing stops at the first.
 */
public final class Resolver {
  private final Pinning stores;
  private final List<String> problems = new ArrayList<>();
  private boolean unavailable;

  public Resolver(Pinning stores) {
    this.stores = stores;
  }

  public PinResult resolve(LockRequest r, java.util.function.Function<String, String> defaultRegion) {
    Map<String, Artefact> artefacts = new LinkedHashMap<>();
    int n = r.artefactCount();
    r.images().forEach((name, text) -> image(r, name, text, n).ifPresent(a -> artefacts.put(name, a)));
    r.lambdas().forEach((name, text) -> lambda(r, name, text, n).ifPresent(a -> artefacts.put(name, a)));
    r.amis().forEach((name, ami) -> ami(r, name, ami, n, defaultRegion.apply(name)).ifPresent(a -> artefacts.put(name, a)));
    Map<String, ConfigSource> config = new LinkedHashMap<>();
    r.config().forEach((key, text) -> config(key, text).ifPresent(c -> config.put(key, c)));
    return new PinResult(artefacts, config, List.copyOf(problems), unavailable);
  }

  private Optional<Artefact> image(LockRequest r, String name, String text, int n) {
    ImageReference.Reading parsed = ImageReference.parse(text);
    if (parsed.reference() == null) {
      problems.add(name + ": " + parsed.error());
      return Optional.empty();
    }
    ImageReference ref = parsed.reference();
    if (ref.tag() == null && ref.digest() == null) {
      problems.add(name + ": " + text + " has neither tag nor digest");
      return Optional.empty();
    }
    Optional<Digest> found = ask(name, () -> stores.resolveTag(ref)).flatMap(d -> d);
    Optional<String> version = Optional.ofNullable(meta(r, name, ref.tag(), n));
    if (found.isEmpty()) {
      if (!failed(name)) {
        problems.add(name + ": " + (ref.tag() == null ? "digest " + ref.digest() : "tag " + ref.tag())
            + " does not exist at " + ref.registry() + "/" + ref.repository());
      }
      return Optional.empty();
    }
    if (ref.digest() != null && !ref.digest().equals(found.get())) {
      problems.add(name + ": tag " + ref.tag() + " now points at " + found.get() + ", not the given " + ref.digest());
      return Optional.empty();
    }
    ImageReference pinned = new ImageReference(ref.registry(), ref.repository(), null, found.get());
    return version.map(v -> new Artefact.ContainerImage(name, v, pinned, source(r, name, v, n), List.of()));
  }

  private Optional<Artefact> lambda(LockRequest r, String name, String text, int n) {
    if (!text.startsWith("s3://") || text.indexOf('/', 5) < 0 || text.endsWith("/")) {
      problems.add(name + ": '" + text + "' is not s3://bucket/key");
      return Optional.empty();
    }
    String bucket = text.substring(5, text.indexOf('/', 5));
    String key = text.substring(text.indexOf('/', 5) + 1);
    Optional<S3ObjectVersion> object = ask(name, () -> stores.currentObject(bucket, key));
    String version = meta(r, name, Versions.fromKey(key), n);
    if (object.isEmpty() || version == null) {
      return Optional.empty();
    }
    return Optional.of(new Artefact.LambdaPackage(name, version, object.get(), source(r, name, version, n), List.of()));
  }

  private Optional<Artefact> ami(LockRequest r, String name, String ami, int n, String region) {
    String chosen = r.region() != null ? r.region() : region;
    if (chosen == null) {
      problems.add(name + ": no region for " + ami + ": pass --region");
      return Optional.empty();
    }
    Optional<Boolean> exists = ask(name, () -> stores.amiExists(ami, chosen));
    String version = meta(r, name, null, n);
    if (exists.isPresent() && !exists.get()) {
      problems.add(name + ": " + ami + " does not exist in " + chosen);
    }
    if (exists.isEmpty() || !exists.get() || version == null) {
      return Optional.empty();
    }
    return Optional.of(new Artefact.MachineImage(name, version, ami, chosen, source(r, name, version, n), List.of()));
  }

  private Optional<ConfigSource> config(String key, String text) {
    if (text.startsWith("ssm:")) {
      String name = text.substring(4);
      return ask(key, () -> new ConfigSource.SsmParameter(name, stores.currentParameterVersion(name)));
    }
    if (text.startsWith("secret:")) {
      String id = text.substring(7);
      return ask(key, () -> new ConfigSource.SecretVersion(id, stores.currentSecretVersion(id)));
    }
    if (text.startsWith("value:")) {
      return Optional.of(new ConfigSource.PlainValue(text.substring(6)));
    }
    problems.add(key + ": '" + text.replaceAll(":.*", ":…") + "' is not ssm:NAME, secret:ID or value:TEXT");
    return Optional.empty();
  }

  private String meta(LockRequest r, String name, String hint, int n) {
    return Versions.version(name, hint, Versions.pick(r.versions(), name, n), problems);
  }

  private Source source(LockRequest r, String name, String version, int n) {
    return Versions.source(name, version, Versions.pick(r.repositories(), name, n),
        Versions.pick(r.commits(), name, n), problems);
  }

  private final List<String> failedNames = new ArrayList<>();

  private boolean failed(String name) {
    return failedNames.contains(name);
  }

  private <T> Optional<T> ask(String name, Supplier<T> question) {
    try {
      return Optional.ofNullable(question.get());
    } catch (PhoenixException e) {
      failedNames.add(name);
      unavailable |= e.kind() == PhoenixException.Kind.UNAVAILABLE;
      problems.add(name + ": " + e.getMessage() + (e.fix() == null ? "" : " — " + e.fix()));
      return Optional.empty();
    }
  }
}
