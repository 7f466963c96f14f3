package dev.phoenix.aws.s3;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.check.KeepLabels;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import dev.phoenix.model.S3ObjectVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tag {@code phoenix-keep-<env>=phoenix} on the pinned object version, plus a legal hold where the
 * bucket has Object Lock. The legal hold is released only when no Phoenix tag of any environment
 * is left on the version.
 */
final class S3Keeper implements Keeper {
  private final S3Protection s3;
  private final AskedOnce<String, Listed> versions;

  S3Keeper(S3Protection s3) {
    this(s3, AskedOnce.never());
  }

  private S3Keeper(S3Protection s3, AskedOnce<String, Listed> versions) {
    this.versions = versions;
    this.s3 = s3;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.S3Object;
  }

  @Override
  public String mark(Ref ref, String env) {
    return "object tag " + KeepLabels.forEnv(env) + " (+ legal hold if Object Lock is on)";
  }

  /** For a run that only reads: each object's kept versions listed once, for every version and environment. */
  @Override
  public Keeper reading() {
    return new ReadingKeeper(new S3Keeper(s3, new AskedOnce<>()));
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    Ref.S3Object o = (Ref.S3Object) ref;
    return find(o.bucket(), o.key(), o.versionId()).stream()
        .anyMatch(v -> v.keepTags().contains(KeepLabels.forEnv(env)));
  }

  @Override
  public void protect(Ref ref, String env) {
    S3ObjectVersion v = version((Ref.S3Object) ref);
    s3.keep(v, env);
    s3.legalHold(v);
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    Set<String> objects = new LinkedHashSet<>();
    scope.stream().filter(this::handles).forEach(r -> objects.add(((Ref.S3Object) r).bucket() + "\n" + ((Ref.S3Object) r).key()));
    List<Kept> out = new ArrayList<>();
    for (String o : objects) {
      String[] bk = o.split("\n", 2);
      for (S3KeptVersion v : find(bk[0], bk[1], null)) {
        if (v.keepTags().contains(KeepLabels.forEnv(env))) {
          out.add(new Kept(new Ref.S3Object(v.bucket(), v.key(), v.versionId(), null), "object tag " + KeepLabels.forEnv(env)));
        }
      }
    }
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    Ref.S3Object o = (Ref.S3Object) kept.ref();
    S3ObjectVersion v = version(o);
    s3.release(v, env);
    if (find(o.bucket(), o.key(), o.versionId()).isEmpty()) {
      s3.releaseLegalHold(v);
    }
    return true;
  }

  /** Kept versions of exactly this key (and version, when given). */
  private List<S3KeptVersion> find(String bucket, String key, String versionId) {
    Listed listed = versions.get(bucket + "\n" + key, () -> Listed.of(s3.keptVersions(bucket, key), key));
    return versionId == null ? listed.ofKey() : listed.byVersion().getOrDefault(versionId, List.of());
  }

  /**
   * One listing of a key's versions, by version id: a run that reads asks about each pinned version
   * of the key, and a key with thousands of versions made each question a scan of them all.
   */
  private record Listed(List<S3KeptVersion> ofKey, Map<String, List<S3KeptVersion>> byVersion) {
    static Listed of(List<S3KeptVersion> listed, String key) {
      List<S3KeptVersion> ofKey = listed.stream().filter(v -> v.key().equals(key)).toList(); // a listing is by prefix
      Map<String, List<S3KeptVersion>> byVersion = new HashMap<>();
      for (S3KeptVersion v : ofKey) {
        byVersion.computeIfAbsent(v.versionId(), k -> new ArrayList<>(1)).add(v);
      }
      return new Listed(ofKey, byVersion);
    }
  }

  private static S3ObjectVersion version(Ref.S3Object o) {
    return new S3ObjectVersion(o.bucket(), o.key(), o.versionId(), o.sha256());
  }
}
