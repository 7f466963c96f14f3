package dev.phoenix.page;

/** The page's only style sheet, inlined: system fonts, no URL of any kind, readable when printed. */
final class PageStyle {
  private PageStyle() {}

  static final String CSS = """
      :root { --ok: #2e7d32; --risk: #e69b00; --bad: #c62828; --unknown: #8a8a8a; --ink: #1d2327; --muted: #5a6570; }
      * { box-sizing: border-box; }
      body { margin: 0; color: var(--ink); background: #fff;
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
      header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
      header { padding-top: 20px; }
      h1 { font-size: 24px; margin: 0 0 6px; }
      h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid #d8dde2; padding-bottom: 4px; }
      h3 { font-size: 16px; margin: 22px 0 6px; }
      h4 { font-size: 14px; margin: 14px 0 4px; }
      p { margin: 4px 0 8px; }
      code, .ref { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
      .meta, .note, figcaption { color: var(--muted); }
      .verdict { font-size: 16px; font-weight: 600; padding: 8px 12px; border-left: 6px solid; background: #f6f8fa; }
      .verdict.ok { border-color: var(--ok); } .verdict.bad { border-color: var(--bad); }
      .verdict.unknown { border-color: var(--unknown); } .verdict.risk { border-color: var(--risk); }
      nav ul { list-style: none; padding: 0; margin: 8px 0; display: flex; gap: 18px; flex-wrap: wrap; }
      .legend { list-style: none; padding: 0; margin: 6px 0; display: flex; gap: 18px; flex-wrap: wrap; }
      .swatch { display: inline-block; width: 14px; height: 14px; vertical-align: -2px; margin-right: 5px; border-radius: 2px; }
      .swatch.ok, .badge.ok { background: var(--ok); } .swatch.risk, .badge.risk { background: var(--risk); }
      .swatch.bad, .badge.bad { background: var(--bad); } .swatch.unknown, .badge.unknown { background: var(--unknown); }
      .badge { color: #fff; border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 600; white-space: nowrap; }
      .badge.risk { color: #1d2327; }
      figure { margin: 8px 0 12px; }
      svg { display: block; width: 100%; height: auto; }
      svg text { font-size: 11px; fill: var(--muted); font-family: inherit; }
      svg .row-label { fill: var(--ink); font-weight: 600; }
      rect.band.ok, .pt.ok { fill: var(--ok); } rect.band.risk { fill: var(--risk); }
      rect.band.bad { fill: var(--bad); } rect.band.unknown { fill: var(--unknown); }
      svg a:focus rect, svg a:hover rect { stroke: #000; stroke-width: 2; }
      .axis { stroke: #b8c0c8; stroke-width: 1; } .grid { stroke: #eceff2; stroke-width: 1; }
      .pt.plan { fill: #fff; stroke: var(--unknown); stroke-width: 2; }
      .pt.bad { stroke: var(--bad); stroke-width: 3; fill: none; }
      .trend { stroke: #1f5fa8; stroke-width: 2; stroke-dasharray: 6 4; fill: none; }
      table { border-collapse: collapse; margin: 6px 0 14px; width: 100%; }
      caption { text-align: left; font-weight: 600; padding: 4px 0; }
      th, td { border: 1px solid #d8dde2; padding: 3px 7px; text-align: left; vertical-align: top; }
      thead th { background: #f1f3f5; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .band-detail { border-left: 4px solid #d8dde2; padding: 2px 0 2px 12px; margin: 10px 0; }
      .band-detail.bad { border-color: var(--bad); } .band-detail.risk { border-color: var(--risk); }
      .band-detail.ok { border-color: var(--ok); } .band-detail.unknown { border-color: var(--unknown); }
      :target { background: #fff8d6; }
      footer { color: var(--muted); padding: 18px 24px 30px; }
      @media print { nav { display: none; } details { display: block; } a { color: inherit; } }
      """;
}
