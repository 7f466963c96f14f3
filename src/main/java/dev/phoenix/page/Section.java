package dev.phoenix.page;

/**
 * One part of the page. Each kind has its own renderer in {@link HtmlPage}: a new kind of
 * evidence (datastore RPO per datastore, once datastores exist) is a new record here and one
 * method there; per-region restorability is more {@link Timeline.Row}s in an environment's
 * timeline, not a new section.
 */
public sealed interface Section permits Restorability, DrillHistory, DriftView {
  /** The heading the section is shown under. */
  String title();
}
