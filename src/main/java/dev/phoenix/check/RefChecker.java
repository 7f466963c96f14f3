package dev.phoenix.check;

import java.util.Collection;
import java.util.Map;

/**
 * Checks references in one kind of store (a registry client, S3, EC2, SSM, Secrets Manager).
 * Implementations live in the adapter packages; they never throw for a single reference's failure:
 * that is a {@link Finding} (UNKNOWN when the store could not say).
 */
public interface RefChecker {
  boolean handles(Ref ref);

  /** One finding per given reference, each reference requested from the store at most once. */
  Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options);
}
