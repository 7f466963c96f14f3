package dev.phoenix.lockwrite;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.Assurance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An artefact's fields as rendered lines, in the lockfile's canonical order. */
final class ArtefactLines {
  private ArtefactLines() {}

  /** Field name to its lines (indented by {@code indent}); absent fields are not in the map. */
  static Map<String, List<String>> fields(Artefact a, int indent) {
    String pad = Render.spaces(indent);
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("type", List.of(pad + "type: " + a.type()));
    if (a.version() != null) {
      out.put("version", List.of(pad + "version: " + Render.scalar(a.version())));
    }
    if (a instanceof Artefact.ContainerImage c) {
      out.put("image", List.of(pad + "image: " + Render.scalar(c.image().digestReference())));
    } else if (a instanceof Artefact.LambdaPackage l) {
      out.put("s3", List.of(pad + "s3: " + Render.s3(l.s3())));
    } else if (a instanceof Artefact.MachineImage m) {
      out.put("ami", List.of(pad + "ami: " + Render.scalar(m.ami())));
      out.put("region", List.of(pad + "region: " + Render.scalar(m.region())));
    }
    if (a.source() != null) {
      out.put("source", List.of(pad + "source: " + Render.source(a.source())));
    }
    if (!a.assurance().isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.add(pad + "assurance:");
      for (Assurance r : a.assurance()) {
        lines.add(pad + "  - " + Render.assurance(r));
      }
      out.put("assurance", lines);
    }
    return out;
  }

  /** The value of one field, for deciding whether the field changed at all. */
  static Object value(Artefact a, String field) {
    if (a == null) {
      return null;
    }
    return switch (field) {
      case "type" -> a.type();
      case "version" -> a.version();
      case "image" -> a instanceof Artefact.ContainerImage c && c.image() != null ? c.image().digestReference() : null;
      case "s3" -> a instanceof Artefact.LambdaPackage l ? l.s3() : null;
      case "ami" -> a instanceof Artefact.MachineImage m ? m.ami() : null;
      case "region" -> a instanceof Artefact.MachineImage m ? m.region() : null;
      case "source" -> a.source();
      case "assurance" -> a.assurance().isEmpty() ? null : a.assurance();
      default -> null;
    };
  }

  static boolean same(Artefact a, Artefact b, String field) {
    return Objects.equals(value(a, field), value(b, field));
  }

  static List<String> entry(String name, Artefact a, int indent) {
    List<String> lines = new ArrayList<>();
    lines.add(Render.spaces(indent) + Render.scalar(name) + ":");
    fields(a, indent + 2).values().forEach(lines::addAll);
    return lines;
  }
}
