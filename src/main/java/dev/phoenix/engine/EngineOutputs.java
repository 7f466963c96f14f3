package dev.phoenix.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the engine prints: plan JSON, output JSON, the apply summary line. */
final class EngineOutputs {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern APPLY_SUMMARY = Pattern.compile(
      "Apply complete! Resources: (\\d+) added, (\\d+) changed, (\\d+) destroyed");

  private static final Pattern DESTROY_SUMMARY = Pattern.compile("Destroy complete! Resources: (\\d+) destroyed");

  private EngineOutputs() {}

  /** The count of a {@code Destroy complete! Resources: N destroyed.} line, if this is one. */
  static Optional<Changes> destroySummary(String line) {
    Matcher m = DESTROY_SUMMARY.matcher(line);
    return m.find() ? Optional.of(new Changes(0, 0, Integer.parseInt(m.group(1)))) : Optional.empty();
  }

  /** Counts {@code resource_changes[].change.actions} of {@code show -json} of a plan. */
  static Changes planChanges(String planJson) throws JsonProcessingException {
    int add = 0;
    int change = 0;
    int destroy = 0;
    for (JsonNode resource : JSON.readTree(planJson).path("resource_changes")) {
      for (JsonNode action : resource.path("change").path("actions")) {
        switch (action.asText()) {
          case "create" -> add++;
          case "update" -> change++;
          case "delete" -> destroy++;
          default -> { } // no-op, read, forget: nothing changes in the real world
        }
      }
    }
    return new Changes(add, change, destroy);
  }

  /** The counts of an {@code Apply complete! Resources: ...} line, if this is one. */
  static Optional<Changes> applySummary(String line) {
    Matcher m = APPLY_SUMMARY.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new Changes(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  /** {@code output -json}; sensitive values are dropped here, before anyone can print them. */
  static Map<String, Output> outputs(String outputJson) throws JsonProcessingException {
    Map<String, Output> result = new LinkedHashMap<>();
    JsonNode root = JSON.readTree(outputJson);
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      boolean sensitive = entry.getValue().path("sensitive").asBoolean(false);
      JsonNode value = sensitive ? null : entry.getValue().path("value");
      result.put(entry.getKey(), new Output(entry.getKey(), sensitive, value));
    }
    return result;
  }

  /** Managed resources of {@code show -json} of the state, root module first, then child modules. */
  static List<StateResource> stateResources(String stateJson) throws JsonProcessingException {
    List<StateResource> result = new ArrayList<>();
    collect(JSON.readTree(stateJson).path("values").path("root_module"), result);
    return List.copyOf(result);
  }

  private static void collect(JsonNode module, List<StateResource> into) {
    for (JsonNode resource : module.path("resources")) {
      if ("managed".equals(resource.path("mode").asText())) {
        into.add(new StateResource(resource.path("address").asText(), resource.path("tainted").asBoolean(false)));
      }
    }
    for (JsonNode child : module.path("child_modules")) {
      collect(child, into);
    }
  }
}
