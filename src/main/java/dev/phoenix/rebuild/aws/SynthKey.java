package dev.phoenix.rebuild.aws;

import dev.phoenix.core.Version;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import dev.phoenix.rebuild.Resolved;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The synthesis cache key: sha256 over the lockfile's bytes at the revision, each blueprint's
 * bytes (in stack order) and the Phoenix version. The synthesizer adds the request's canonical
 * form (target options, resolved ARNs) and the out directory.
 */
final class SynthKey {
  private SynthKey() {}

  static String of(Resolved resolved) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String env = resolved.environment();
    part(sha, Lockfile.path(env), resolved.revision().files().read(Lockfile.path(env)).orElse(new byte[0]));
    for (Stack stack : resolved.estate().stacks()) {
      part(sha, Stack.path(stack.name()), resolved.revision().files().read(Stack.path(stack.name()))
          .orElse(new byte[0]));
    }
    part(sha, "phoenix", Version.current().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void part(MessageDigest sha, String name, byte[] bytes) {
    sha.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
    sha.update(bytes);
  }
}
