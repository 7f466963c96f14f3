package dev.phoenix.lockfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A lockfile's text cut into the entries of its two big sections, without parsing it: each child of
 * a top-level {@code artefacts:} or {@code config:} line, from its key line to the next key at its
 * indent (comments and blank lines after it included). What {@link LockfileMemo} looks up by content.
 * Only the layout Phoenix and its users write is cut: a section header alone on its line, every
 * child key at one indent, keys distinct. Anything else gives no cut, and the lockfile is read whole.
 */
final class LockfileBlocks {
  enum Part { ARTEFACTS, CONFIG }

  /** One child: its key and bytes {@code [from, to)} of the content. */
  record Block(Part section, String key, int from, int to) {}

  private static final byte[] ARTEFACTS = "artefacts:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONFIG = "config:".getBytes(StandardCharsets.US_ASCII);

  private LockfileBlocks() {}

  /** The children of both sections in file order, or empty: not a layout this cut is sure of. */
  static Optional<List<Block>> cut(byte[] content) {
    List<Block> blocks = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Part section = null;
    int childIndent = -1;
    int open = -1; // start offset of the open block, or -1
    String openKey = null;
    for (int start = 0; start <= content.length; ) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      int first = start;
      while (first < end && content[first] == ' ') {
        first++;
      }
      if (first < end && content[first] != '#') { // a significant line
        int indent = first - start;
        if (indent == 0) {
          if (open >= 0) {
            blocks.add(new Block(section, openKey, open, start));
            open = -1;
          }
          section = header(content, start, end);
          childIndent = -1;
          keys.clear();
        } else if (section != null) {
          if (childIndent < 0) {
            childIndent = indent;
          }
          if (indent < childIndent) {
            return Optional.empty(); // an odd indent: the parser decides what it means
          }
          if (indent == childIndent) {
            String key = key(content, first, end);
            if (key == null || !keys.add(key)) {
              return Optional.empty(); // a list, an odd key, a duplicate: the parser reports it
            }
            if (open >= 0) {
              blocks.add(new Block(section, openKey, open, start));
            }
            open = start;
            openKey = key;
          }
        }
      }
      start = end + 1;
    }
    if (open >= 0) {
      blocks.add(new Block(section, openKey, open, content.length));
    }
    return Optional.of(blocks);
  }

  /** The section a top-level line opens: exactly {@code artefacts:} or {@code config:}, trailing spaces aside. */
  private static Part header(byte[] content, int start, int end) {
    int e = end;
    while (e > start && content[e - 1] == ' ') {
      e--;
    }
    if (matches(content, start, e, ARTEFACTS)) {
      return Part.ARTEFACTS;
    }
    return matches(content, start, e, CONFIG) ? Part.CONFIG : null;
  }

  private static boolean matches(byte[] content, int from, int to, byte[] word) {
    return to - from == word.length && java.util.Arrays.equals(content, from, to, word, 0, word.length);
  }

  /** A plain key ({@code [A-Za-z0-9_][A-Za-z0-9_./-]*}) followed by ':' and a space or the line's end, else null. */
  private static String key(byte[] content, int from, int end) {
    int i = from;
    while (i < end && keyChar(content[i])) {
      i++;
    }
    if (i == from || content[from] == '-' || content[from] == '.' || content[from] == '/' || i >= end
        || content[i] != ':' || i + 1 < end && content[i + 1] != ' ') {
      return null;
    }
    return new String(content, from, i - from, StandardCharsets.US_ASCII);
  }

  private static boolean keyChar(byte b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '.'
        || b == '/';
  }
}
