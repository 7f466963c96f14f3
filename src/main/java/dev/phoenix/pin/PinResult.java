package dev.phoenix.pin;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import java.util.List;
import java.util.Map;

/**
 * Everything a lock request resolved to (digests, object versions, config versions), before it is
 * merged with the lockfile; {@code problems} lists every failure, {@code unavailable} when some
 * store could not answer at all.
 */
public record PinResult(
    Map<String, Artefact> artefacts, Map<String, ConfigSource> config, List<String> problems, boolean unavailable) {}
