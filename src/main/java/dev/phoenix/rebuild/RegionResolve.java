package dev.phoenix.rebuild;

import dev.phoenix.check.MirrorCopies;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Refs;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.S3ObjectVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rebuild in a mirror region: the estate at D with every reference replaced by its copy in the
 * region, as the newest ledger records it (docs/regions.md). Images keep repository and digest in
 * the mirror registry, packages become the mirror bucket's object version (same SHA-256), SSM
 * parameters the mirror's version, secrets the mirror secret's ARN (same version id), AMIs the
 * region's copy. A reference without a copy stays as pinned and is listed in {@code uncopied} with
 * its usages: the pipeline stops on them before anything is touched. Pure: asks no store.
 */
public final class RegionResolve {
  private RegionResolve() {}

  /** The estate in the region, and every reference that has no copy there (with where it is used). */
  public record Result(Estate estate, Map<Ref, List<String>> uncopied) {
    public Result {
      uncopied = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(uncopied));
    }
  }

  public static Result of(Estate estate, MirrorCopies copies) {
    Lockfile lock = estate.lockfile();
    Map<Ref, List<String>> uncopied = new LinkedHashMap<>();
    Refs.of(lock).forEach((ref, uses) -> {
      if (copies.copyOf(ref).isEmpty()) {
        uncopied.put(ref, uses);
      }
    });
    Map<String, Artefact> artefacts = new LinkedHashMap<>();
    lock.artefacts().forEach((name, a) -> artefacts.put(name, artefact(a, copies)));
    Map<String, Map<String, ConfigSource>> config = new LinkedHashMap<>();
    lock.config().forEach((block, vars) -> {
      Map<String, ConfigSource> out = new LinkedHashMap<>();
      vars.forEach((var, source) -> out.put(var, config(source, copies)));
      config.put(block, out);
    });
    Lockfile moved = new Lockfile(lock.environment(), lock.stacks(), artefacts, config);
    return new Result(new Estate(moved, estate.stacks()), uncopied);
  }

  private static Artefact artefact(Artefact a, MirrorCopies copies) {
    Ref ref = Refs.of(a);
    Optional<Ref> copy = ref == null ? Optional.empty() : copies.copyOf(ref);
    if (copy.isEmpty()) {
      return a;
    }
    if (a instanceof Artefact.ContainerImage c && copy.get() instanceof Ref.Image i) {
      ImageReference moved = new ImageReference(i.registry(), i.repository(), c.image().tag(), i.digest());
      return new Artefact.ContainerImage(c.name(), c.version(), moved, c.source(), c.assurance());
    }
    if (a instanceof Artefact.LambdaPackage l && copy.get() instanceof Ref.S3Object o) {
      S3ObjectVersion moved = new S3ObjectVersion(o.bucket(), o.key(), o.versionId(), l.s3().sha256());
      return new Artefact.LambdaPackage(l.name(), l.version(), moved, l.source(), l.assurance());
    }
    if (a instanceof Artefact.MachineImage m && copy.get() instanceof Ref.Ami c) {
      return new Artefact.MachineImage(m.name(), m.version(), c.amiId(), c.region(), m.source(), m.assurance());
    }
    return a;
  }

  private static ConfigSource config(ConfigSource source, MirrorCopies copies) {
    Ref ref = Refs.of(source);
    Optional<Ref> copy = ref == null ? Optional.empty() : copies.copyOf(ref);
    if (copy.isEmpty()) {
      return source;
    }
    if (copy.get() instanceof Ref.Ssm p) {
      return new ConfigSource.SsmParameter(p.name(), p.version());
    }
    if (copy.get() instanceof Ref.Secret s) {
      return new ConfigSource.SecretVersion(s.secretId(), s.versionId());
    }
    return source;
  }

  /**
   * What a preflight stop adds in a mirror region: " in eu-central-1 (2 without a copy there: ID, ID)",
   * every reference without a copy named; empty as pinned.
   */
  static String stopped(Resolved.InRegion region) {
    if (region == null) {
      return "";
    }
    if (region.uncopied().isEmpty()) {
      return " in " + region.name();
    }
    return " in " + region.name() + " (" + region.uncopied().size() + " without a copy there: "
        + String.join(", ", region.uncopied().keySet().stream().map(Ref::id).toList()) + ")";
  }
}
