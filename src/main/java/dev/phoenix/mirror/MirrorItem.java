package dev.phoenix.mirror;

import dev.phoenix.check.Ref;
import dev.phoenix.model.MirrorLedger;

/**
 * One reference of a mirror run and what became of it. {@code target}: where the copy goes (dry
 * run, failures) or its locator (copied, present, mirrored). Never holds a secret value.
 */
public record MirrorItem(Ref source, MirrorLedger.Kind kind, String target, State state, String detail) {

  public enum State {
    /** Dry run: this copy would be made. */
    PLANNED,
    /** Copied in this run and recorded. */
    COPIED,
    /** Not in the ledger, but the mirror already held it (an earlier run was interrupted): recorded. */
    PRESENT,
    /** In the ledger already: nothing asked of any store. */
    MIRRORED,
    /** regions.yaml names no mirror registry or bucket for it. */
    UNMAPPED,
    /**
     * No copy can be made of this kind (a DynamoDB on-demand backup: no cross-region copy without AWS
     * Backup); {@code detail} says why. Not a failure of the run: {@code verify --region} reports the
     * datastore as not restorable there.
     */
    NOT_MIRRORABLE,
    /** The copy failed; {@code detail} says why. */
    FAILED
  }

  public boolean problem() {
    return state == State.UNMAPPED || state == State.FAILED;
  }
}
