package dev.phoenix.check;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every reference a lockfile pins, each with where it is used ("payments-api", "config payments-api.API_KEY"). */
public final class Refs {
  private Refs() {}

  public static Map<Ref, List<String>> of(Lockfile lockfile) {
    Map<Ref, List<String>> out = new LinkedHashMap<>();
    for (Artefact a : lockfile.artefacts().values()) {
      Ref ref = of(a);
      if (ref != null) {
        out.computeIfAbsent(ref, k -> new ArrayList<>()).add(a.name());
      }
    }
    lockfile.config().forEach((block, vars) -> vars.forEach((name, source) -> {
      Ref ref = of(source);
      if (ref != null) {
        out.computeIfAbsent(ref, k -> new ArrayList<>()).add(configUse(block, name));
      }
    }));
    return out;
  }

  /** Where a config variable's reference is used: {@code config <block>.<name>}. */
  public static String configUse(String block, String name) {
    return "config " + block + "." + name;
  }

  /** Null when the artefact is too broken to check (validation reports it). */
  public static Ref of(Artefact a) {
    if (a instanceof Artefact.ContainerImage c) {
      return c.image() == null || c.image().digest() == null ? null : Ref.Image.of(c.image());
    }
    if (a instanceof Artefact.LambdaPackage l) {
      return l.s3() == null || l.s3().versionId() == null ? null : Ref.S3Object.of(l.s3());
    }
    Artefact.MachineImage m = (Artefact.MachineImage) a;
    return m.ami() == null ? null : new Ref.Ami(m.ami(), m.region());
  }

  /** Null for plain values: nothing outside the lockfile to check. */
  public static Ref of(ConfigSource source) {
    if (source instanceof ConfigSource.SsmParameter p) {
      return new Ref.Ssm(p.name(), p.version());
    }
    if (source instanceof ConfigSource.SecretVersion s) {
      return new Ref.Secret(s.secretId(), s.versionId());
    }
    return null;
  }
}
