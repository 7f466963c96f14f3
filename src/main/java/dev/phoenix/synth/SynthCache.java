package dev.phoenix.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Content-hash cache of one out directory: a marker file holding the hash of (caller key, layout
 * version, request canonical form). Removed before synthesis starts and written only after it
 * succeeded, so an interrupted run never looks cached.
 */
final class SynthCache {

  static final String MARKER = ".phoenix-synth-key";
  /** Bump whenever the generated Terraform changes for an unchanged request. */
  static final String LAYOUT = "phoenix-synth/2 cdktf/0.19.2 provider-aws/18.0.3";

  private SynthCache() {}

  static String key(String callerKey, SynthRequest request, Path outDir) {
    return Names.sha256Hex(
        LAYOUT + "\n" + callerKey.length() + ":" + callerKey + "\n"
            + CanonicalForm.of(request, outDir) + "\nenvironment=" + request.environment().length()
            + ":" + request.environment() + "\nemulator=" + request.emulator());
  }

  static boolean hit(Path outDir, String key, Collection<Path> expected) {
    Path marker = outDir.resolve(MARKER);
    try {
      if (!Files.isRegularFile(marker)
          || !Files.readString(marker, StandardCharsets.UTF_8).strip().equals(key)) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    return expected.stream().allMatch(Files::isRegularFile);
  }

  static void invalidate(Path outDir) throws IOException {
    Files.deleteIfExists(outDir.resolve(MARKER));
  }

  static void record(Path outDir, String key) throws IOException {
    Path temporary = Files.createTempFile(outDir, MARKER, ".tmp");
    Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, outDir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
