package dev.phoenix.pin;

import java.util.Map;

/**
 * What {@code lock} was asked to pin, as given on the command line: artefact name to reference,
 * {@code block.VARIABLE} to source, and per-artefact version/source. A key "" in versions,
 * commits or repositories means "the only artefact of this request".
 */
public record LockRequest(
    String environment,
    Map<String, String> images,
    Map<String, String> lambdas,
    Map<String, String> amis,
    String region,
    Map<String, String> config,
    Map<String, String> versions,
    Map<String, String> commits,
    Map<String, String> repositories) {

  public int artefactCount() {
    return images.size() + lambdas.size() + amis.size();
  }
}
