package dev.phoenix.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reading synthesized Terraform JSON as Jackson trees, for assertions. */
final class SynthJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private SynthJson() {}

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode resource(JsonNode stack, String type, String id) {
    JsonNode node = stack.path("resource").path(type).path(id);
    if (node.isMissingNode()) {
      throw new AssertionError("no " + type + "." + id + " in stack");
    }
    return node;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode statement : policy.path("Statement")) {
      if (sid.equals(statement.path("Sid").asText())) {
        return statement;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + policy);
  }

  /** Every regular file under {@code dir} with its text. */
  static List<String[]> allFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<String[]> files = new ArrayList<>();
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.add(new String[] {
          file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
        });
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
