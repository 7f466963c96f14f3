package dev.phoenix.aws.secrets;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** A staging label {@code phoenix-keep-<env>-<versionId>} on the pinned secret version. */
final class SecretKeeper implements Keeper {
  private final SecretStages stages;
  private final AskedOnce<String, List<SecretKeptVersion>> versions;

  SecretKeeper(SecretStages stages) {
    this(stages, AskedOnce.never());
  }

  private SecretKeeper(SecretStages stages, AskedOnce<String, List<SecretKeptVersion>> versions) {
    this.versions = versions;
    this.stages = stages;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Secret;
  }

  @Override
  public String mark(Ref ref, String env) {
    return "staging label " + SecretStages.keepLabel(env, ((Ref.Secret) ref).versionId());
  }

  /** For a run that only reads: each secret's kept versions listed once, for every version and environment. */
  @Override
  public Keeper reading() {
    return new ReadingKeeper(new SecretKeeper(stages, new AskedOnce<>()));
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    Ref.Secret s = (Ref.Secret) ref;
    String label = SecretStages.keepLabel(env, s.versionId());
    return versions.get(s.secretId(), () -> stages.keptVersions(List.of(s.secretId()))).stream()
        .anyMatch(v -> v.versionId().equals(s.versionId()) && v.keepLabels().contains(label));
  }

  @Override
  public void protect(Ref ref, String env) {
    Ref.Secret s = (Ref.Secret) ref;
    stages.addStage(s.secretId(), s.versionId(), SecretStages.keepLabel(env, s.versionId()));
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    TreeSet<String> ids = new TreeSet<>();
    scope.stream().filter(this::handles).forEach(r -> ids.add(((Ref.Secret) r).secretId()));
    List<Kept> out = new ArrayList<>();
    stages.keptVersions(ids).forEach(v -> {
      String mine = SecretStages.keepLabel(env, v.versionId());
      if (v.keepLabels().contains(mine)) {
        out.add(new Kept(new Ref.Secret(v.secretId(), v.versionId()), "staging label " + mine));
      }
    });
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    Ref.Secret s = (Ref.Secret) kept.ref();
    stages.removeStage(s.secretId(), s.versionId(), SecretStages.keepLabel(env, s.versionId()));
    return true;
  }
}
