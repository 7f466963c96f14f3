package dev.phoenix.docker;

import java.util.List;

/** An image pulled by digest: its local id, RepoDigests, and whether it declares a HEALTHCHECK. */
public record PulledImage(String reference, String id, List<String> repoDigests, boolean hasHealthcheck) {}
