package dev.phoenix.protect;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RefChecker} decorator for {@code verify}: what the wrapped checker finds OK but carries
 * no Phoenix protection for the environment becomes AT_RISK (the store may clean it up). Other
 * findings pass through unchanged; a protection lookup that fails leaves the finding OK and says so.
 */
public final class ProtectionCheck implements RefChecker {
  private final RefChecker delegate;
  private final Keepers keepers;
  private final String env;

  public ProtectionCheck(RefChecker delegate, Keepers keepers, String env) {
    this.delegate = delegate;
    this.keepers = keepers;
    this.env = env;
  }

  /** Every checker wrapped. */
  public static List<RefChecker> wrap(List<RefChecker> checkers, Keepers keepers, String env) {
    return checkers.stream().map(c -> (RefChecker) new ProtectionCheck(c, keepers, env)).toList();
  }

  @Override
  public boolean handles(Ref ref) {
    return delegate.handles(ref);
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    Map<Ref, Finding> out = new LinkedHashMap<>(delegate.check(refs, options));
    out.replaceAll((ref, finding) -> finding.status() == Status.OK ? protection(ref, finding) : finding);
    return out;
  }

  private Finding protection(Ref ref, Finding ok) {
    var keeper = keepers.forRef(ref);
    if (keeper.isEmpty()) {
      return ok;
    }
    try {
      if (keeper.get().isProtected(ref, env)) {
        return ok;
      }
      return Finding.atRisk("present but not protected (no " + keeper.get().mark(ref, env)
          + "): the store may clean it up; run phoenix protect --env " + env + " --yes");
    } catch (PhoenixException e) {
      return Finding.ok(ok.reason() + "; protection not checked: " + e.getMessage());
    }
  }
}
