package dev.phoenix.lockwrite;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lockfile as lines of text, edited surgically: an entry is located through the line numbers
 * of the YAML tree and only its own lines are replaced, so every other line (comments, blank
 * lines, quoting, alignment) stays byte for byte. Immutable: every edit returns a new text.
 */
final class LockText {
  private final List<String> lines;
  private final String newline;
  private final boolean finalNewline;
  private final YamlNode.MapNode root;

  LockText(String text) {
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    this.finalNewline = text.isEmpty() || text.endsWith("\n");
    String body = finalNewline && !text.isEmpty() ? text.substring(0, text.length() - newline.length()) : text;
    this.lines = new ArrayList<>(List.of(body.split("\r?\n", -1)));
    try {
      YamlNode node = SafeYaml.parse(text.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
      if (!(node instanceof YamlNode.MapNode m)) {
        throw PhoenixException.input("the lockfile is not a map", "run phoenix validate");
      }
      this.root = m;
    } catch (YamlException e) {
      throw PhoenixException.input("line " + e.line() + ": " + e.getMessage(), e.fix());
    }
  }

  YamlNode.MapNode root() {
    return root;
  }

  String line(int number) {
    return lines.get(number - 1);
  }

  int size() {
    return lines.size();
  }

  static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean blankOrComment(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  /** True when the entry's value starts on a later line (a block map or block list). */
  static boolean isBlock(Entry e) {
    if (e.value() instanceof YamlNode.MapNode m) {
      return !m.entries().isEmpty() && m.entries().values().iterator().next().keyLine() > e.keyLine();
    }
    if (e.value() instanceof YamlNode.ListNode l) {
      return !l.items().isEmpty() && l.items().get(0).line() > e.keyLine();
    }
    return false;
  }

  /**
   * The last line of an entry: up to the next line indented no deeper than its key (a compact
   * list "- " at the key's indent still belongs to it). Trailing blank lines and comments at or
   * left of the key's column are left to whatever follows.
   */
  int end(Entry e) {
    int keyIndent = indent(line(e.keyLine()));
    boolean list = e.value() instanceof YamlNode.ListNode;
    int last = e.keyLine();
    for (int n = e.keyLine() + 1; n <= lines.size(); n++) {
      String l = line(n);
      if (blankOrComment(l)) {
        if (!l.isBlank() && indent(l) > keyIndent) {
          last = n;
        }
        continue;
      }
      int ind = indent(l);
      String t = l.strip();
      if (t.equals("---") || t.equals("...")) {
        break;
      }
      if (ind > keyIndent || (list && ind == keyIndent && (t.startsWith("- ") || t.equals("-")))) {
        last = n;
        continue;
      }
      break;
    }
    return last;
  }

  /** Indent of the keys inside a block map entry, or the parent indent + 2 when it has none. */
  int childIndent(Entry e) {
    if (e.value() instanceof YamlNode.MapNode m && isBlock(e)) {
      return indent(line(m.entries().values().iterator().next().keyLine()));
    }
    return indent(line(e.keyLine())) + 2;
  }

  /** Replaces lines [from, to] with the given ones. */
  LockText replace(int from, int to, List<String> with) {
    List<String> out = new ArrayList<>(lines.subList(0, from - 1));
    out.addAll(with);
    out.addAll(lines.subList(to, lines.size()));
    return of(out);
  }

  LockText insertAfter(int line, List<String> with) {
    return replace(line + 1, line, with);
  }

  /**
   * Replaces a whole entry. When both the old and the new entry are one line, a trailing comment
   * on the old line is kept, at its old column where it fits.
   */
  LockText replaceEntry(Entry e, List<String> with) {
    int end = end(e);
    List<String> replacement = with;
    if (end == e.keyLine() && with.size() == 1) {
      String old = line(e.keyLine());
      int hash = Comments.start(old);
      if (hash >= 0) {
        int gapStart = hash;
        while (gapStart > 0 && old.charAt(gapStart - 1) == ' ') {
          gapStart--;
        }
        String fresh = with.get(0);
        int pad = Math.max(1, hash - fresh.length());
        if (fresh.length() + 1 > hash) {
          pad = Math.max(1, hash - gapStart);
        }
        replacement = List.of(fresh + Render.spaces(pad) + old.substring(hash));
      }
    }
    return replace(e.keyLine(), end, replacement);
  }

  LockText removeEntry(Entry e) {
    return replace(e.keyLine(), end(e), List.of());
  }

  private LockText of(List<String> newLines) {
    return new LockText(String.join(newline, newLines) + (finalNewline ? newline : ""));
  }

  String text() {
    return String.join(newline, lines) + (finalNewline ? newline : "");
  }
}
