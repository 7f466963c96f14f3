package dev.phoenix.lockfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /**
   * A cut: the children in file order and, for each, the index of the child of the previous cut
   * (the one it was asked to follow) with exactly the same text in the same section, or -1.
   */
  record Cut(List<Block> blocks, int[] same) {}

  /** The children of both sections in file order, or empty: not a layout this cut is sure of. */
  static Optional<List<Block>> cut(byte[] content) {
    return cut(content, null, List.of()).map(Cut::blocks);
  }

  /**
   * The cut of {@code content}, following the cut {@code lastBlocks} of {@code last} (or null): where
   * a child starts, the previous cut's child expected there (the one after the last matched, found by
   * key when the order moved) is compared with it byte for byte. When its text is there in full, up
   * to a line that ends a child, it is that child: its lines are not scanned again. Such a child is
   * cut exactly as a scan would cut it, for the cut state where it starts (its section, the section's
   * child indent) is the same as where it stood, and its own lines read the same in that state.
   */
  static Optional<Cut> cut(byte[] content, byte[] last, List<Block> lastBlocks) {
    if (last == null) {
      lastBlocks = List.of();
    }
    List<Block> blocks = new ArrayList<>();
    int[] same = new int[Math.max(16, lastBlocks.size())];
    Set<String> keys = new HashSet<>(Math.max(16, lastBlocks.size() * 2)); // sized once: a section's keys fit
    Follow follow = last == null ? null : new Follow(last, lastBlocks);
    Part section = null;
    int childIndent = -1;
    int open = -1; // start offset of the open block, or -1
    String openKey = null;
    for (int start = 0; start <= content.length; ) {
      int first = afterSpaces(content, start);
      int end = lineEnd(content, first);
      if (significant(content, first)) {
        int indent = first - start;
        if (indent == 0) {
          if (open >= 0) {
            same = add(blocks, same, new Block(section, openKey, open, start), -1);
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
            if (open >= 0) {
              same = add(blocks, same, new Block(section, openKey, open, start), -1);
              open = -1;
            }
            int match = follow == null ? -1 : follow.match(content, start, section, childIndent);
            if (match >= 0) {
              Block was = lastBlocks.get(match);
              if (!keys.add(was.key())) {
                return Optional.empty();
              }
              int to = start + was.to() - was.from();
              same = add(blocks, same, new Block(section, was.key(), start, to), match);
              start = to; // the line that ends it is read as usual
              continue;
            }
            String key = key(content, first, end);
            if (key == null || !keys.add(key)) {
              return Optional.empty(); // a list, an odd key, a duplicate: the parser reports it
            }
            if (follow != null) {
              follow.passed(section, key);
            }
            open = start;
            openKey = key;
          }
        }
      }
      start = end + 1;
    }
    if (open >= 0) {
      same = add(blocks, same, new Block(section, openKey, open, content.length), -1);
    }
    return Optional.of(new Cut(blocks, Arrays.copyOf(same, blocks.size())));
  }

  private static int[] add(List<Block> blocks, int[] same, Block block, int match) {
    int[] out = blocks.size() == same.length ? Arrays.copyOf(same, same.length * 2) : same;
    out[blocks.size()] = match;
    blocks.add(block);
    return out;
  }

  /** The offset of the first byte from {@code from} on that is not a space. */
  private static int afterSpaces(byte[] content, int from) {
    int first = from;
    while (first < content.length && content[first] == ' ') {
      first++;
    }
    return first;
  }

  /** Whether the line whose first non-space byte is at {@code first} says something: not blank, not a comment. */
  private static boolean significant(byte[] content, int first) {
    return first < content.length && content[first] != '#' && content[first] != '\n';
  }

  /** The offset of the '\n' ending the line that holds {@code from}, or the content's length. */
  private static int lineEnd(byte[] content, int from) {
    int end = from;
    while (end < content.length && content[end] != '\n') {
      end++;
    }
    return end;
  }

  /** The previous cut, followed child by child. */
  private static final class Follow {
    private final byte[] last;
    private final List<Block> blocks;
    private int next;
    private Map<String, Integer> byKey;

    Follow(byte[] last, List<Block> blocks) {
      this.last = last;
      this.blocks = blocks;
    }

    /**
     * The index of the expected child when {@code content} holds its text at {@code start}, followed
     * by the content's end or a line that ends a child (significant, at {@code childIndent} or less);
     * else -1.
     */
    int match(byte[] content, int start, Part section, int childIndent) {
      if (next >= blocks.size()) {
        return -1;
      }
      Block b = blocks.get(next);
      int to = start + b.to() - b.from();
      if (b.section() != section || to > content.length
          || !Arrays.equals(content, start, to, last, b.from(), b.to()) || !endsChild(content, to, childIndent)) {
        return -1;
      }
      return next++;
    }

    /** A child was cut by scanning: the one after the previous cut's child of that key comes next. */
    void passed(Part section, String key) {
      if (next < blocks.size() && blocks.get(next).section() == section && blocks.get(next).key().equals(key)) {
        next++;
        return;
      }
      if (byKey == null) {
        byKey = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
          byKey.putIfAbsent(blocks.get(i).section() + " " + blocks.get(i).key(), i);
        }
      }
      Integer at = byKey.get(section + " " + key);
      if (at != null) {
        next = at + 1;
      }
    }

    private static boolean endsChild(byte[] content, int at, int childIndent) {
      if (at == content.length) {
        return true;
      }
      if (at == 0 || content[at - 1] != '\n') {
        return false;
      }
      int first = afterSpaces(content, at);
      return significant(content, first) && first - at <= childIndent;
    }
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
    return to - from == word.length && Arrays.equals(content, from, to, word, 0, word.length);
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
