package dev.phoenix.aws.ssm;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Writes a pinned parameter version's value, same name and type, into a mirror region, where it gets
 * its own version number; that version is labelled {@code phoenix-copy-of-v<N>} so that a later
 * run finds it instead of writing again. The value is read decrypted from the source and written
 * to the mirror; it is never returned, logged or put in a message.
 */
public final class SsmCopies {
  private final SsmClient source;
  private final SsmClient mirror;

  SsmCopies(SsmClient source, SsmClient mirror) {
    this.source = source;
    this.mirror = mirror;
  }

  /** The mirror's version holding the copy of {@code name:version}, and whether it was already there. */
  public record Copy(String name, long version, boolean alreadyThere) {}

  public static String label(long version) {
    return "phoenix-copy-of-v" + version;
  }

  /** The mirror version labelled as the copy of {@code version}, if any. */
  public Optional<Long> find(String name, long version) {
    String label = label(version);
    try {
      for (var page : mirror.getParameterHistoryPaginator(b -> b.name(name).withDecryption(false).maxResults(50))) {
        for (ParameterHistory h : page.parameters()) {
          if (h.labels().contains(label)) {
            return Optional.of(h.version());
          }
        }
      }
      return Optional.empty();
    } catch (ParameterNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameterHistory " + name + " (mirror)", e, true);
    }
  }

  public Copy copy(String name, long version) {
    Optional<Long> there = find(name, version);
    if (there.isPresent()) {
      return new Copy(name, there.get(), true);
    }
    Parameter pinned;
    try {
      pinned = source.getParameter(b -> b.name(name + ":" + version).withDecryption(true)).parameter();
    } catch (SdkException e) {
      throw SsmHistory.translate("GetParameter " + name + ":" + version, e, false);
    }
    long written;
    try {
      written = mirror.putParameter(b -> b.name(name).value(pinned.value()).type(pinned.type()).overwrite(true))
          .version();
    } catch (SdkException e) {
      throw SsmHistory.translate("PutParameter " + name + " (mirror)", e, false);
    }
    try {
      mirror.labelParameterVersion(b -> b.name(name).parameterVersion(written).labels(label(version)));
    } catch (SdkException e) {
      throw SsmHistory.translate("LabelParameterVersion " + name + ":" + written + " (mirror)", e, true);
    }
    return new Copy(name, written, false);
  }
}
