package dev.phoenix.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed manifest: an index (children = platform manifests) or an image manifest (config +
 * layers). {@code bytes} are exactly what the registry served.
 */
public record Manifest(String mediaType, byte[] bytes, List<Descriptor> children, Descriptor config,
    List<Descriptor> layers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean isIndex() {
    return MediaTypes.INDEXES.contains(mediaType);
  }

  /** Config first, then layers: every blob the image needs. */
  public List<Descriptor> blobs() {
    List<Descriptor> all = new ArrayList<>();
    if (config != null) {
      all.add(config);
    }
    all.addAll(layers);
    return all;
  }

  /** Parses {@code bytes}; the media type is the document's own, else the Content-Type answered. */
  static Manifest parse(byte[] bytes, String contentType) throws IOException {
    JsonNode root = JSON.readTree(bytes);
    if (root == null || !root.isObject()) {
      throw new IOException("manifest is not a JSON object");
    }
    String type = root.path("mediaType").asText("");
    if (type.isEmpty()) {
      type = root.has("manifests") ? MediaTypes.OCI_INDEX : contentType == null ? "" : contentType;
    }
    List<Descriptor> children = descriptors(root.path("manifests"));
    Descriptor config = root.has("config") ? descriptor(root.path("config")) : null;
    return new Manifest(type, bytes, children, config, descriptors(root.path("layers")));
  }

  private static List<Descriptor> descriptors(JsonNode array) throws IOException {
    List<Descriptor> out = new ArrayList<>();
    for (JsonNode node : array) {
      out.add(descriptor(node));
    }
    return List.copyOf(out);
  }

  private static Descriptor descriptor(JsonNode node) throws IOException {
    if (!node.hasNonNull("digest") || !node.has("size")) {
      throw new IOException("descriptor without digest or size");
    }
    JsonNode p = node.path("platform");
    String platform = p.isObject()
        ? p.path("os").asText("?") + "/" + p.path("architecture").asText("?")
            + (p.hasNonNull("variant") ? "/" + p.path("variant").asText() : "")
        : null;
    return new Descriptor(node.path("mediaType").asText(""), node.path("digest").asText(), node.path("size").asLong(-1),
        platform);
  }
}
