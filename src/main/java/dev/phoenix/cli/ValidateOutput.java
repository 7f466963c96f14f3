package dev.phoenix.cli;

import dev.phoenix.core.Problem;
import dev.phoenix.lockfile.Validation;
import dev.phoenix.model.Estate;
import dev.phoenix.report.Json;
import dev.phoenix.report.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code phoenix validate} on stdout: every problem and a summary line per environment, or JSON (docs/json.md). */
final class ValidateOutput {
  private ValidateOutput() {}

  static String text(List<Validation.Checked> results) {
    StringBuilder b = new StringBuilder();
    for (Validation.Checked c : results) {
      for (Problem p : c.estate().problems()) {
        b.append(p.render()).append(System.lineSeparator());
      }
      b.append(summary(c)).append(System.lineSeparator());
    }
    return b.toString();
  }

  static String json(List<Validation.Checked> results) {
    List<Object> list = new ArrayList<>();
    for (Validation.Checked c : results) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("environment", c.environment());
      r.put("ok", c.ok());
      r.put("problems", c.estate().problems().stream().map(Views::problem).toList());
      list.add(r);
    }
    return Json.write(Map.of("environments", list)) + System.lineSeparator();
  }

  private static String summary(Validation.Checked c) {
    if (!c.ok()) {
      int n = c.estate().problems().size();
      return c.environment() + ": " + n + (n == 1 ? " problem" : " problems");
    }
    Estate e = c.estate().value();
    return c.environment() + ": ok (" + e.lockfile().artefacts().size() + " artefacts, " + e.stacks().size() + " stacks)";
  }
}
