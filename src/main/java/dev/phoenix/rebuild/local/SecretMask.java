package dev.phoenix.rebuild.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks the secret values a drill handed out (every value read from SSM or Secrets Manager, for any
 * service) in text Phoenix prints or records from containers: log lines of failing containers,
 * health and failure reasons. Each masked stretch becomes {@value #MASK}.
 *
 * <p>What is masked, for every value of at least {@value #MIN_VALUE} characters, in the value as
 * written and in its encodings — base64 (standard and URL-safe alphabets, at any of the three byte
 * offsets it can have inside a longer encoded text, wrapped or not), URL encoding (form and RFC 3986,
 * upper- and lower-case hex, and every byte percent-encoded), and JSON string escaping:
 * <ul>
 *   <li>the whole value and every line of it of at least {@value #MIN_VALUE} characters, wherever
 *       they occur;
 *   <li>every <em>non-trivial fragment</em>: any run of at least {@value #FRAGMENT} consecutive
 *       characters of a log line that also occurs in the value or one of its encodings and holds a
 *       letter or digit. So a PEM key's body lines, a JSON blob's fields, a base64 text wrapped at
 *       76 columns and a line cut short by the log are masked piece by piece.
 * </ul>
 * Values shorter than {@value #MIN_VALUE} characters are not masked (they would mask everything);
 * fragments shorter than {@value #FRAGMENT} characters of a longer value may remain visible between
 * masks. Other encodings (hex dumps, gzip, encryption) are not recognized.
 */
public final class SecretMask {
  public static final String MASK = "***";
  public static final int MIN_VALUE = 4;
  public static final int FRAGMENT = 8;
  private static final SecretMask NONE = new SecretMask(List.of(), Set.of());

  private final List<String> whole;
  private final Set<String> fragments;

  private SecretMask(List<String> whole, Set<String> fragments) {
    this.whole = whole;
    this.fragments = fragments;
  }

  public static SecretMask none() {
    return NONE;
  }

  public static SecretMask of(Collection<String> secrets) {
    Set<String> whole = new LinkedHashSet<>();
    Set<String> fragments = new HashSet<>();
    for (String secret : secrets) {
      if (secret == null || secret.length() < MIN_VALUE) {
        continue;
      }
      List<String> forms = forms(secret);
      for (String form : forms) {
        addWhole(whole, form);
        for (String line : form.split("\r\n|\r|\n")) {
          addWhole(whole, line);
          addWhole(whole, line.strip());
        }
        for (int i = 0; i + FRAGMENT <= form.length(); i++) {
          String gram = form.substring(i, i + FRAGMENT);
          if (gram.chars().anyMatch(Character::isLetterOrDigit) && gram.indexOf('\n') < 0 && gram.indexOf('\r') < 0) {
            fragments.add(gram);
          }
        }
      }
    }
    List<String> sorted = new ArrayList<>(whole);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretMask(List.copyOf(sorted), Set.copyOf(fragments));
  }

  public boolean isEmpty() {
    return whole.isEmpty();
  }

  public List<String> mask(List<String> lines) {
    return lines.stream().map(this::mask).toList();
  }

  public String mask(String text) {
    if (text == null || whole.isEmpty()) {
      return text;
    }
    boolean[] hit = new boolean[text.length()];
    for (String w : whole) {
      for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
        for (int i = at; i < at + w.length(); i++) {
          hit[i] = true;
        }
      }
    }
    for (int i = 0; i + FRAGMENT <= text.length(); i++) {
      if (fragments.contains(text.substring(i, i + FRAGMENT))) {
        for (int j = i; j < i + FRAGMENT; j++) {
          hit[j] = true;
        }
      }
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!hit[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !hit[i - 1]) {
        out.append(MASK);
      }
    }
    return out.toString();
  }

  private static void addWhole(Set<String> whole, String s) {
    if (s.length() >= MIN_VALUE && s.chars().anyMatch(Character::isLetterOrDigit)) {
      whole.add(s);
    }
  }

  /** The value and the encodings it may be printed in. */
  static List<String> forms(String secret) {
    List<String> forms = new ArrayList<>();
    forms.add(secret);
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    forms.add(Base64.getEncoder().encodeToString(bytes));
    forms.add(Base64.getUrlEncoder().encodeToString(bytes));
    for (int offset = 1; offset <= 2; offset++) {
      forms.add(base64AtOffset(bytes, offset, Base64.getEncoder()));
      forms.add(base64AtOffset(bytes, offset, Base64.getUrlEncoder()));
    }
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    String rfc3986 = form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    forms.add(form);
    forms.add(rfc3986);
    forms.add(lowerHex(form));
    forms.add(lowerHex(rfc3986));
    StringBuilder every = new StringBuilder();
    for (byte b : bytes) {
      every.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
    }
    forms.add(every.toString());
    forms.add(every.toString().toLowerCase(Locale.ROOT));
    forms.add(json(secret));
    return forms.stream().filter(f -> !f.isEmpty()).distinct().toList();
  }

  /**
   * The part of the base64 of {@code bytes} that does not depend on what stands before or after them
   * when they start {@code offset} bytes into a 3-byte group.
   */
  private static String base64AtOffset(byte[] bytes, int offset, Base64.Encoder encoder) {
    byte[] padded = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, padded, offset, bytes.length);
    String enc = encoder.withoutPadding().encodeToString(padded);
    int full = padded.length / 3 * 4;
    int skip = offset + 1; // characters that mix in the bytes before
    return full > skip ? enc.substring(skip, full) : "";
  }

  private static String lowerHex(String percentEncoded) {
    StringBuilder out = new StringBuilder(percentEncoded.length());
    for (int i = 0; i < percentEncoded.length(); i++) {
      char c = percentEncoded.charAt(i);
      out.append(c);
      if (c == '%' && i + 2 < percentEncoded.length()) {
        out.append(Character.toLowerCase(percentEncoded.charAt(i + 1)))
            .append(Character.toLowerCase(percentEncoded.charAt(i + 2)));
        i += 2;
      }
    }
    return out.toString();
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
