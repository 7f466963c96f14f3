package dev.phoenix.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a file is UTF-8 text YAML may hold before the parser sees it, so that a bad byte is
 * reported at its own line (the parser reports the first buffer it read, i.e. line 1) and a binary
 * file is called what it is. Never quotes the file's content.
 */
final class Characters {
  private Characters() {}

  static void check(byte[] content) throws YamlException {
    if (printableAscii(content)) {
      return; // every character allowed: nothing to decode
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw new YamlException(lineAt(content, at),
          "column " + columnAt(content, at) + " holds byte 0x" + String.format("%02X", content[at] & 0xff)
              + ", which is not UTF-8 text" + (looksBinary(content) ? "; the file looks binary" : ""),
          "save the file as UTF-8 text");
    }
    out.flip();
    int line = 1;
    int column = 1;
    for (int i = 0; i < out.length(); ) {
      int c = Character.codePointAt(out, i);
      if (!allowed(c, i)) {
        throw new YamlException(line, "column " + column + " holds " + name(c) + ", a control character YAML does not allow"
                + (looksBinary(content) ? "; the file looks binary" : ""),
            "remove it: a Phoenix file is plain UTF-8 text");
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      i += Character.charCount(c);
    }
  }

  /** Only printable ASCII, tab, LF and CR: bytes that are each an allowed character on their own. */
  static boolean printableAscii(byte[] content) {
    for (byte b : content) {
      if (b < 0x20 ? b != '\n' && b != '\t' && b != '\r' : b == 0x7F) {
        return false; // a control character, DEL, or (negative) a byte of a multi-byte sequence
      }
    }
    return true;
  }

  /** YAML 1.1/1.2 printable characters (what the parser accepts), checked per character. */
  private static boolean allowed(int c, int index) {
    if (c == '\t' || c == '\n' || c == '\r' || c == 0x85) {
      return true;
    }
    if (c == 0xFEFF) {
      return index == 0;
    }
    return c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
  }

  private static String name(int c) {
    return c == 0 ? "a NUL byte (U+0000)" : String.format("character U+%04X", c);
  }

  /** Two NUL bytes, or one among the first 16 bytes: what text never holds and binary formats do. */
  private static boolean looksBinary(byte[] content) {
    int nuls = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == 0 && (i < 16 || ++nuls >= 2)) {
        return true;
      }
    }
    return false;
  }

  private static int lineAt(byte[] content, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (content[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** 1-based column in characters of the byte at {@code offset} (bytes before it on its line, decoded). */
  private static int columnAt(byte[] content, int offset) {
    int start = offset;
    while (start > 0 && content[start - 1] != '\n') {
      start--;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content, start, offset - start)).length() + 1;
    } catch (CharacterCodingException e) {
      return offset - start + 1;
    }
  }
}
