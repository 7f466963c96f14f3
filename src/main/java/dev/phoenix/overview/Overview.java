package dev.phoenix.overview;

import dev.phoenix.page.DriftView;
import dev.phoenix.page.Page;
import dev.phoenix.page.Section;
import dev.phoenix.rebuild.DrillRecords;
import dev.phoenix.verify.EnvReport;
import dev.phoenix.verify.Verifier;
import dev.phoenix.verify.VerifyResult;
import dev.phoenix.verify.VerifyWindow;
import dev.phoenix.verify.report.HtmlReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code phoenix report}: the verify assessment (the same {@link Verifier} and store checkers as
 * {@code phoenix verify}), the drill records of the window and the last drift runs, gathered into
 * the restorability page. Drift files are read first, so a bad one is reported before any store is
 * asked. Knows nothing of the command line; writes nothing.
 */
public final class Overview {
  private final Verifier verifier;
  private final Clock clock;

  /** {@code verifier}: put together as {@code phoenix verify}'s is, so the page says what verify says. */
  public Overview(Verifier verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  /** The verify run (its outcome decides the exit code) and the page built from it. */
  public record Result(VerifyResult verify, Page page) {}

  public Result build(OverviewRequest request) {
    DriftView drift = request.drift().isEmpty() ? null : DriftFiles.read(request.drift());
    VerifyResult verify = verifier.verify(request.verify());
    List<String> envs = verify.environments().stream().map(EnvReport::environment).toList();
    VerifyWindow w = verify.window();
    List<Section> more = new ArrayList<>();
    more.add(DrillSeries.of(new DrillRecords(request.drills()), envs, w.headOnly() ? null : w.from(),
        w.headOnly() || w.untilNow() ? clock.instant() : w.to()));
    if (drift != null) {
      more.add(drift);
    }
    String title = "Phoenix restorability: " + String.join(", ", envs);
    return new Result(verify, HtmlReport.page(verify, title, more));
  }
}
