package dev.phoenix.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Lock objects on the daemon behind {@link Docker}: a container that is created and never started,
 * whose name is the lock (the daemon refuses a second container of the same name) and whose labels
 * say who holds it. Its image is {@value #IMAGE}, loaded once from an
 * archive built here ({@link LockImage}: one empty layer; nothing is pulled, the container never runs).
 */
final class LockCalls {
  static final String REPOSITORY = "phoenix-lock";
  static final String TAG = "1";
  static final String IMAGE = REPOSITORY + ":" + TAG;

  private final DockerClient client;
  private final Guard guard;

  LockCalls(DockerClient client, Guard guard) {
    this.client = client;
    this.guard = guard;
  }

  /** The new lock container's id, or empty when a container of that name exists already. */
  Optional<String> create(String name, Map<String, String> labels) {
    ensureImage();
    return Optional.ofNullable(guard.call("create lock container " + name, () -> {
      try {
        return client.createContainerCmd(IMAGE).withName(name).withLabels(labels).withCmd("phoenix-lock")
            .withNetworkDisabled(true).exec().getId();
      } catch (ConflictException e) {
        return null;
      }
    }));
  }

  private void ensureImage() {
    boolean present = guard.call("inspect image " + IMAGE, () -> {
      try {
        client.inspectImageCmd(IMAGE).exec();
        return true;
      } catch (NotFoundException e) {
        return false;
      }
    });
    if (!present) {
      guard.run("load image " + IMAGE + " (empty, for lock containers)",
          () -> client.loadImageCmd(new ByteArrayInputStream(LockImage.archive())).exec());
    }
  }
}
