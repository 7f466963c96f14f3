package dev.phoenix.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Secret-shaped canaries (a PEM private key, a multi-line JSON blob, a one-line token) and the check
 * that none of them, in clear or in an encoding, shows in a text: any 8-character run of a canary
 * or of its encodings (minus the edge characters an encoding shares with what surrounds it) is a leak.
 */
final class Canaries {
  static final int RUN = 8;

  private Canaries() {}

  static String pem() {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(1024);
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
      return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json() {
    return "{\n  \"username\": \"svc-" + hex(6) + "\",\n  \"password\": \"" + hex(16) + "/+" + hex(6)
        + "\",\n  \"dsn\": \"postgres://svc:" + hex(8) + "@db.internal:5432/app?sslmode=require\"\n}";
  }

  static String token() {
    return "tok_" + hex(24);
  }

  private static String hex(int n) {
    String s = "";
    while (s.length() < n) {
      s += UUID.randomUUID().toString().replace("-", "");
    }
    return s.substring(0, n);
  }

  /** The stretches of {@code text} that give away a canary, empty when none. */
  static List<String> leaks(String text, String... canaries) {
    List<String> found = new ArrayList<>();
    for (String canary : canaries) {
      for (String form : forms(canary)) {
        for (int i = 0; i + RUN <= form.length(); i++) {
          String run = form.substring(i, i + RUN);
          if (run.indexOf('\n') < 0 && run.chars().anyMatch(Character::isLetterOrDigit) && text.contains(run)
              && !trivial(run)) {
            found.add(run);
          }
        }
      }
    }
    return found;
  }

  /** Runs a canary shares with any JSON document or PEM file: not secret. */
  private static boolean trivial(String run) {
    return "-----BEGIN PRIVATE KEY-----".contains(run) || "-----END PRIVATE KEY-----".contains(run)
        || "PRIVATE KEY-----".contains(run);
  }

  private static List<String> forms(String canary) {
    byte[] b = canary.getBytes(StandardCharsets.UTF_8);
    List<String> forms = new ArrayList<>();
    forms.add(canary);
    forms.add(inner(Base64.getEncoder().encodeToString(b)));
    forms.add(inner(Base64.getEncoder().encodeToString(("x" + canary).getBytes(StandardCharsets.UTF_8))));
    forms.add(inner(Base64.getEncoder().encodeToString(("xy" + canary).getBytes(StandardCharsets.UTF_8))));
    forms.add(URLEncoder.encode(canary, StandardCharsets.UTF_8));
    StringBuilder all = new StringBuilder();
    for (byte x : b) {
      all.append(String.format(Locale.ROOT, "%%%02X", x & 0xff));
    }
    forms.add(all.toString());
    forms.add(canary.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));
    return forms;
  }

  /** Without the 4 characters at each end, which also encode the bytes around the canary. */
  private static String inner(String base64) {
    return base64.length() > 8 ? base64.substring(4, base64.length() - 4) : "";
  }
}
