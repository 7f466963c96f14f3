package dev.phoenix.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.model.Digest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tag operations for lock/protect: re-tag a manifest by digest, list tags with pagination. */
final class Tagging {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final int PAGE = 1000;
  private static final int MAX_PAGES = 10_000;

  private final RegistryHttp http;
  private final RegistrySettings settings;

  Tagging(RegistryHttp http, RegistrySettings settings) {
    this.http = http;
    this.settings = settings;
  }

  void tag(String registry, String repository, Digest digest, String tag, Instant deadline) {
    Call get = Call.get(registry, repository, repository + "/manifests/" + digest, Call.Body.BYTES,
        settings.maxManifestBytes(), settings.requestTimeout(), deadline, Map.of("Accept", MediaTypes.ACCEPT));
    Reply manifest = http.send(get);
    if (manifest.status() == 404) {
      throw new RegistryException(RegistryException.Reason.NOT_FOUND, 404,
          "manifest " + digest.shortForm() + " not found at " + registry + "/" + repository);
    }
    RegistryClient.expectOk(get, manifest);
    if (!manifest.sha256Hex().equals(digest.hex())) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, 200,
          "manifest " + digest.shortForm() + " at " + registry + "/" + repository + " hashes to sha256:"
              + manifest.sha256Hex());
    }
    String type = mediaType(manifest);
    Call put = new Call("PUT", registry, repository, "pull,push", repository + "/manifests/" + tag,
        Map.of("Content-Type", type), Payload.of(manifest.bytes()), Call.Body.DISCARD, 0, settings.requestTimeout(), deadline);
    Reply answer = http.send(put);
    if (answer.status() != 201 && answer.status() != 200) {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, answer.status(),
          "PUT " + registry + "/" + repository + ":" + tag + " answered HTTP " + answer.status());
    }
    answer.header("Docker-Content-Digest").filter(d -> !d.equals(digest.toString())).ifPresent(d -> {
      throw new RegistryException(RegistryException.Reason.UNAVAILABLE, answer.status(),
          registry + "/" + repository + ":" + tag + " now points at " + d + ", not " + digest);
    });
  }

  List<String> tags(String registry, String repository, Instant deadline) {
    return tags(registry, repository, deadline, t -> true);
  }

  /** The tags {@code keep} accepts (only those are held in memory), every page followed; none when the repository is unknown. */
  List<String> tags(String registry, String repository, Instant deadline, Predicate<String> keep) {
    List<String> out = new ArrayList<>();
    String path = repository + "/tags/list?n=" + PAGE;
    for (int page = 0; path != null && page < MAX_PAGES; page++) {
      Call call = Call.get(registry, repository, path, Call.Body.BYTES, settings.maxManifestBytes(),
          settings.requestTimeout(), deadline, Map.of("Accept", "application/json"));
      Reply reply = http.send(call);
      if (reply.status() == 404) {
        return out; // no such repository: no tags
      }
      RegistryClient.expectOk(call, reply);
      try {
        JsonNode tags = JSON.readTree(reply.bytes()).path("tags");
        tags.forEach(t -> {
          if (keep.test(t.asText())) {
            out.add(t.asText());
          }
        });
      } catch (IOException e) {
        throw new RegistryException(RegistryException.Reason.UNAVAILABLE, reply.status(),
            "tag list of " + registry + "/" + repository + " is not readable JSON");
      }
      path = next(reply.header("Link").orElse(null));
    }
    return out;
  }

  /** The path after /v2/ of a Link: <…>; rel="next" header, or null. */
  static String next(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    if (!m.find()) {
      return null;
    }
    URI uri = URI.create(m.group(1));
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return path.startsWith("/v2/") ? path.substring(4) : null;
  }

  private static String mediaType(Reply manifest) {
    String type = manifest.contentType();
    if (!type.isEmpty() && !type.equals("application/json") && !type.equals("text/plain")) {
      return type;
    }
    try {
      return Manifest.parse(manifest.bytes(), null).mediaType();
    } catch (IOException e) {
      return MediaTypes.OCI_MANIFEST;
    }
  }
}
