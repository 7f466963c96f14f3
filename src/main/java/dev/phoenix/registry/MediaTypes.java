package dev.phoenix.registry;

import java.util.Set;

/** The manifest media types Phoenix asks for and understands. */
public final class MediaTypes {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  /** The Accept header of every manifest request. */
  public static final String ACCEPT = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);

  private MediaTypes() {}
}
