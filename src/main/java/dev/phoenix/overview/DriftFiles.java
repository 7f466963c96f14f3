package dev.phoenix.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.page.DriftView;
import dev.phoenix.report.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON of {@code phoenix drift --output json} runs for the page (docs/report.md, "Drift
 * input"): either one environment object or {@code {"environments": [...]}}; per environment
 * {@code environment}, optional {@code summary} and {@code checkedAt}, and {@code services} (and/or
 * {@code functions}) as lists of {@code {name, status, lockfile, running}}. Unknown fields are
 * ignored. Every problem of every file is reported at once, by file and JSON path.
 */
final class DriftFiles {
  static final long MAX_BYTES = 8L << 20;
  private static final List<String> LISTS = List.of("items", "services", "functions"); // items: phoenix drift --output json

  private DriftFiles() {}

  static DriftView read(List<Path> files) {
    List<DriftView.Environment> envs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      JsonNode root = parse(f, problems);
      if (root == null) {
        continue;
      }
      if (!root.isObject()) {
        problems.add(f + ": / is not a JSON object");
        continue;
      }
      String checkedAt = text(root.get("checkedAt"));
      String summary = text(root.get("summary"));
      JsonNode list = root.get("environments");
      if (list == null) {
        environment(f, root, "", checkedAt, summary, envs, problems);
      } else if (!list.isArray()) {
        problems.add(f + ": /environments is not a list");
      } else {
        for (int i = 0; i < list.size(); i++) {
          environment(f, list.get(i), "/environments/" + i, checkedAt, list.size() == 1 ? summary : null, envs, problems);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw PhoenixException.input("--drift: " + String.join("\n  ", problems),
          "give the JSON written by phoenix drift --output json (shape in docs/report.md, \"Drift input\")");
    }
    return new DriftView(envs, List.of());
  }

  private static JsonNode parse(Path f, List<String> problems) {
    try {
      if (!Files.isRegularFile(f)) {
        problems.add(f + ": not a regular file");
        return null;
      }
      if (Files.size(f) > MAX_BYTES) {
        problems.add(f + ": larger than " + (MAX_BYTES >> 20) + " MiB, not a drift run's JSON");
        return null;
      }
      return Json.mapper().readTree(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      problems.add(f + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      problems.add(f + ": cannot be read: " + e.getMessage());
    }
    return null;
  }

  private static void environment(Path f, JsonNode node, String path, String checkedAt, String summary,
      List<DriftView.Environment> envs, List<String> problems) {
    String where = f + ": " + (path.isEmpty() ? "/" : path);
    if (node == null || !node.isObject()) {
      problems.add(where + " is not a JSON object");
      return;
    }
    String env = text(node.get("environment"));
    if (env == null || env.isBlank()) {
      problems.add(where + ": no \"environment\" (the environment's name)");
    }
    List<DriftView.Item> items = new ArrayList<>();
    boolean any = false;
    for (String key : LISTS) {
      JsonNode list = node.get(key);
      if (list == null || list.isNull()) {
        continue;
      }
      any = true;
      if (!list.isArray()) {
        problems.add(where + ": \"" + key + "\" is not a list");
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        item(f + ": " + path + "/" + key + "/" + i, list.get(i), items, problems);
      }
    }
    if (!any) {
      problems.add(where + ": no \"services\" list (give [] when the environment runs nothing)");
    }
    String own = text(node.get("checkedAt"));
    // phoenix drift writes its sentence as "headline" and counts as "summary"
    String line = node.has("headline") ? text(node.get("headline")) : text(node.get("summary"));
    envs.add(new DriftView.Environment(env, f.toString(), own != null ? own : checkedAt, line != null ? line : summary,
        items));
  }

  private static void item(String where, JsonNode node, List<DriftView.Item> items, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add(where + " is not a JSON object");
      return;
    }
    String name = text(node.get("name"));
    String status = text(node.get("status"));
    if (name == null) {
      problems.add(where + ": no \"name\"");
    }
    if (status == null) {
      problems.add(where + ": no \"status\" (MATCH, DRIFTED, UNPINNED, NOT_RUNNING, UNMANAGED or UNKNOWN)");
    }
    items.add(new DriftView.Item(name, status, text(node.get("lockfile")), text(node.get("running"))));
  }

  /** A string as written; another JSON value as its compact JSON text; null or absent as null. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isTextual() ? node.asText() : node.toString();
  }
}
