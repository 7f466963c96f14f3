package dev.phoenix.page;

import java.time.Instant;
import java.util.List;

/**
 * Everything the restorability page shows, in reading order. Built from verify results, drill
 * records and drift JSON (none of which holds a secret value); rendered by {@link HtmlPage}.
 *
 * @param title the page's title
 * @param generatedAt when the data was gathered
 * @param window the window as asked ("since 90d") with its dates
 * @param verdict OK, BROKEN or UNKNOWN (the verify outcome)
 * @param exitCode the exit code that verdict stands for
 * @param headline one sentence for the reader who reads nothing else
 * @param sections what follows, in order
 */
public record Page(String title, Instant generatedAt, String window, String verdict, int exitCode, String headline,
    List<Section> sections) {
  public Page {
    sections = List.copyOf(sections);
  }
}
