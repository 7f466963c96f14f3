package dev.phoenix.aws.ssm;

import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** A label {@code phoenix-keep-<env>-v<version>} on the pinned parameter version. */
final class SsmKeeper implements Keeper {
  private final SsmLabels labels;

  SsmKeeper(SsmLabels labels) {
    this.labels = labels;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Ssm;
  }

  @Override
  public String mark(Ref ref, String env) {
    return "label " + SsmLabels.keepLabel(env, ((Ref.Ssm) ref).version());
  }

  @Override
  public Keeper reading() {
    return new ReadingKeeper(new SsmKeeper(labels.reading()));
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    Ref.Ssm p = (Ref.Ssm) ref;
    return labels.labelsOf(p.name(), p.version()).contains(SsmLabels.keepLabel(env, p.version()));
  }

  @Override
  public void protect(Ref ref, String env) {
    Ref.Ssm p = (Ref.Ssm) ref;
    labels.label(p.name(), p.version(), SsmLabels.keepLabel(env, p.version()));
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    TreeSet<String> names = new TreeSet<>();
    scope.stream().filter(this::handles).forEach(r -> names.add(((Ref.Ssm) r).name()));
    List<Kept> out = new ArrayList<>();
    labels.keptVersions(names).forEach(v -> {
      String mine = SsmLabels.keepLabel(env, v.version());
      if (v.keepLabels().contains(mine)) {
        out.add(new Kept(new Ref.Ssm(v.name(), v.version()), "label " + mine));
      }
    });
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    Ref.Ssm p = (Ref.Ssm) kept.ref();
    labels.unlabel(p.name(), p.version(), SsmLabels.keepLabel(env, p.version()));
    return true;
  }
}
