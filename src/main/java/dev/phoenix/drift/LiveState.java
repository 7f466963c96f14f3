package dev.phoenix.drift;

import dev.phoenix.model.Estate;
import java.util.List;

/**
 * What runs, observed once; compared with as many lockfile revisions as needed (to find the live
 * one) without asking the target again. Store-held config values read for a comparison are cached
 * by their pins, hashed and dropped.
 */
public interface LiveState {
  /** One item per service and function of the estate, then one per unmanaged thing that runs. */
  List<DriftItem> compare(Estate estate);
}
