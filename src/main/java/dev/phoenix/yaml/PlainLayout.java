package dev.phoenix.yaml;

import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.ListNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The fast path of {@link SafeYaml}: the plain layout Phoenix's own writer and generators emit
 * (block maps and lists indented by spaces, one-line flow maps and lists, plain or simply quoted
 * scalars, comments) read line by line into exactly the tree the full parser builds, with the same
 * lines and scalar kinds. Anything else gives {@code null} and the full parser reads the file: an
 * anchor, alias, tag, directive, document marker, tab, CR, multi-line scalar or flow, escape, empty
 * value, indentless list, complex or quoted key, duplicate key, deep nesting, a number or word whose
 * type is not plainly a whole number, digits, true/false, a timestamp or text. So this path accepts a subset of what the
 * full parser accepts and never refuses anything: every refusal, limit and message stays the full
 * parser's. {@code PlainLayoutTest} compares both on generated and hand-written files.
 */
final class PlainLayout {
  private static final Resolver RESOLVER = new Resolver();
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,40}");
  private static final Pattern DIGITS_EXPONENT = Pattern.compile("[0-9]{1,40}(e[0-9]{1,40})?");
  private static final Set<String> BOOLEANS = Set.of("true", "false", "True", "False", "TRUE", "FALSE");
  /** Deeper than this is left to the full parser, which holds the limit. */
  private static final int DEPTH = 16;

  private final String text;
  private final int[] starts; // start offset of each significant line
  private final int[] indents;
  private final int[] numbers; // 1-based line numbers
  private int count;
  private int at; // index of the current significant line

  private PlainLayout(String text) {
    this.text = text;
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    starts = new int[lines];
    indents = new int[lines];
    numbers = new int[lines];
  }

  /** Thrown inside: this file is not in the plain layout (never leaves this class). */
  private static final class NotPlain extends RuntimeException {
    private static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  /** The tree of {@code content} (already checked by {@link Characters}), or null: not the plain layout. */
  static YamlNode read(byte[] content) {
    String text = ascii(content) ? new String(content, StandardCharsets.ISO_8859_1)
        : new String(content, StandardCharsets.UTF_8);
    try {
      PlainLayout p = new PlainLayout(text);
      if (!p.split()) {
        return null;
      }
      YamlNode root = p.blockValue(-1, 0);
      return p.at == p.count ? root : null;
    } catch (NotPlain | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private static boolean ascii(byte[] content) {
    for (byte b : content) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** The significant lines (not blank, not only a comment); false when a character needs the full parser. */
  private boolean split() {
    int line = 1;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      int i = start;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      for (int j = i; j < end; j++) {
        char c = text.charAt(j);
        if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
          return false; // tabs, CR, NEL, line and paragraph separators, a BOM: the full parser's business
        }
      }
      if (i < end && text.charAt(i) != '#') {
        if (i == start && (text.startsWith("---", i) || text.startsWith("...", i) || text.charAt(i) == '%')) {
          return false;
        }
        starts[count] = i;
        indents[count] = i - start;
        numbers[count] = line;
        count++;
      }
      line++;
      start = end + 1;
    }
    return count > 0;
  }

  private int end(int index) {
    int e = text.indexOf('\n', starts[index]);
    return e < 0 ? text.length() : e;
  }

  /**
   * The value that begins on the next significant line, indented deeper than {@code parent}: a block
   * map or a block list.
   */
  private YamlNode blockValue(int parent, int depth) {
    if (at >= count || indents[at] <= parent || depth > DEPTH) {
      throw NotPlain.INSTANCE; // an empty value, an indentless list: the full parser
    }
    int indent = indents[at];
    int s = starts[at];
    if (text.charAt(s) == '-' && (s + 1 == end(at) || text.charAt(s + 1) == ' ')) {
      return blockList(indent, depth);
    }
    return blockMap(indent, s, depth);
  }

  /** A block map whose keys stand at column {@code indent}; the first key at offset {@code from} of the current line. */
  private MapNode blockMap(int indent, int from, int depth) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    int line = numbers[at];
    int pos = from;
    while (true) {
      int lineEnd = end(at);
      int keyLine = numbers[at];
      int colon = key(pos, lineEnd);
      String key = text.substring(pos, colon);
      int v = skipSpaces(colon + 1, lineEnd);
      YamlNode value;
      if (v == lineEnd || text.charAt(v) == '#') {
        at++;
        value = blockValue(indent, depth + 1);
      } else {
        Cursor c = new Cursor(v, lineEnd, numbers[at]);
        value = inline(c, depth + 1);
        c.rest();
        at++;
      }
      if (entries.putIfAbsent(key, new Entry(key, keyLine, value)) != null) {
        throw NotPlain.INSTANCE; // duplicates are reported by the full parser, with both lines
      }
      if (at >= count || indents[at] < indent) {
        break;
      }
      if (indents[at] > indent) {
        throw NotPlain.INSTANCE; // a continuation line or an odd indent
      }
      pos = starts[at];
    }
    return new MapNode(line, Collections.unmodifiableMap(entries));
  }

  private ListNode blockList(int indent, int depth) {
    List<YamlNode> items = new ArrayList<>();
    int line = numbers[at];
    while (at < count && indents[at] == indent) {
      int s = starts[at];
      int lineEnd = end(at);
      if (text.charAt(s) != '-' || s + 1 >= lineEnd || text.charAt(s + 1) != ' ') {
        break;
      }
      int v = skipSpaces(s + 1, lineEnd);
      if (v == lineEnd || text.charAt(v) == '#' || text.charAt(v) == '-') {
        throw NotPlain.INSTANCE; // an item on the next lines, or a list in a list
      }
      int column = indent + (v - s);
      char c0 = text.charAt(v);
      if (c0 != '{' && c0 != '[' && c0 != '"' && c0 != '\'' && isKeyAt(v, lineEnd)) {
        items.add(blockMap(column, v, depth + 1));
      } else {
        Cursor c = new Cursor(v, lineEnd, numbers[at]);
        items.add(inline(c, depth + 1));
        c.rest();
        at++;
      }
    }
    if (at < count && indents[at] > indent) {
      throw NotPlain.INSTANCE;
    }
    return new ListNode(line, List.copyOf(items));
  }

  /** The offset of the ':' that ends a plain key starting at {@code pos}. */
  private int key(int pos, int lineEnd) {
    int i = pos;
    while (i < lineEnd && keyChar(text.charAt(i))) {
      i++;
    }
    if (i == pos || i - pos > 128 || i >= lineEnd || text.charAt(i) != ':'
        || i + 1 < lineEnd && text.charAt(i + 1) != ' ' || !keyStart(text.charAt(pos))) {
      throw NotPlain.INSTANCE;
    }
    return i;
  }

  private boolean isKeyAt(int pos, int lineEnd) {
    int i = pos;
    while (i < lineEnd && keyChar(text.charAt(i))) {
      i++;
    }
    return i > pos && i < lineEnd && text.charAt(i) == ':' && (i + 1 == lineEnd || text.charAt(i + 1) == ' ');
  }

  private static boolean keyStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean keyChar(char c) {
    return keyStart(c) || c == '-' || c == '.' || c == '/';
  }

  private int skipSpaces(int i, int lineEnd) {
    while (i < lineEnd && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** A position on one line. */
  private final class Cursor {
    int pos;
    final int end;
    final int line;

    Cursor(int pos, int end, int line) {
      this.pos = pos;
      this.end = end;
      this.line = line;
    }

    char peek() {
      return pos < end ? text.charAt(pos) : '\n';
    }

    void spaces() {
      while (pos < end && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    /** After a value: nothing but spaces and a comment. */
    void rest() {
      int before = pos;
      spaces();
      if (pos < end && (text.charAt(pos) != '#' || pos == before)) {
        throw NotPlain.INSTANCE;
      }
    }
  }

  /** A value on the current line, in block context. */
  private YamlNode inline(Cursor c, int depth) {
    char first = c.peek();
    if (first == '{' || first == '[') {
      return flow(c, depth);
    }
    if (first == '"' || first == '\'') {
      return quoted(c);
    }
    int start = c.pos;
    if (!plainStart(first)) {
      throw NotPlain.INSTANCE;
    }
    int i = start;
    int last = start; // end of the text before trailing spaces
    while (i < c.end) {
      char ch = text.charAt(i);
      if (ch == ' ') {
        if (i + 1 < c.end && text.charAt(i + 1) == '#') {
          break;
        }
      } else if (ch == ':' && (i + 1 == c.end || text.charAt(i + 1) == ' ')) {
        throw NotPlain.INSTANCE; // a map where a scalar was expected: the full parser says what is wrong
      } else {
        last = i + 1;
      }
      i++;
    }
    c.pos = last;
    return plain(c.line, text.substring(start, last));
  }

  private YamlNode flow(Cursor c, int depth) {
    if (depth > DEPTH) {
      throw NotPlain.INSTANCE;
    }
    int line = c.line;
    char open = text.charAt(c.pos);
    c.pos++;
    c.spaces();
    if (open == '{') {
      Map<String, Entry> entries = new LinkedHashMap<>();
      if (c.peek() == '}') {
        c.pos++;
        return new MapNode(line, Collections.unmodifiableMap(entries));
      }
      while (true) {
        int k = c.pos;
        while (c.pos < c.end && keyChar(text.charAt(c.pos))) {
          c.pos++;
        }
        if (c.pos == k || c.pos - k > 128 || !keyStart(text.charAt(k)) || c.peek() != ':' || c.pos + 1 >= c.end
            || text.charAt(c.pos + 1) != ' ') {
          throw NotPlain.INSTANCE;
        }
        String key = text.substring(k, c.pos);
        c.pos++;
        c.spaces();
        YamlNode value = flowValue(c, depth + 1);
        if (entries.putIfAbsent(key, new Entry(key, line, value)) != null) {
          throw NotPlain.INSTANCE;
        }
        c.spaces();
        char next = c.peek();
        c.pos++;
        if (next == '}') {
          return new MapNode(line, Collections.unmodifiableMap(entries));
        }
        if (next != ',') {
          throw NotPlain.INSTANCE;
        }
        c.spaces();
      }
    }
    List<YamlNode> items = new ArrayList<>();
    if (c.peek() == ']') {
      c.pos++;
      return new ListNode(line, List.of());
    }
    while (true) {
      items.add(flowValue(c, depth + 1));
      c.spaces();
      char next = c.peek();
      c.pos++;
      if (next == ']') {
        return new ListNode(line, List.copyOf(items));
      }
      if (next != ',') {
        throw NotPlain.INSTANCE;
      }
      c.spaces();
    }
  }

  private YamlNode flowValue(Cursor c, int depth) {
    char first = c.peek();
    if (first == '{' || first == '[') {
      return flow(c, depth);
    }
    if (first == '"' || first == '\'') {
      return quoted(c);
    }
    if (!plainStart(first)) {
      throw NotPlain.INSTANCE; // also an empty value
    }
    int start = c.pos;
    int last = start;
    int i = start;
    while (i < c.end) {
      char ch = text.charAt(i);
      if (ch == ',' || ch == ']' || ch == '}') {
        break;
      }
      if (ch == '[' || ch == '{' || ch == '#' || ch == '?') {
        throw NotPlain.INSTANCE;
      }
      if (ch == ':' && (i + 1 == c.end || " ,]}[{".indexOf(text.charAt(i + 1)) >= 0)) {
        throw NotPlain.INSTANCE;
      }
      if (ch != ' ') {
        last = i + 1;
      }
      i++;
    }
    c.pos = last;
    return plain(c.line, text.substring(start, last));
  }

  /** A quoted scalar closed on its line, without escapes or doubled quotes. */
  private Scalar quoted(Cursor c) {
    char q = text.charAt(c.pos);
    int close = text.indexOf(q, c.pos + 1);
    if (close < 0 || close >= c.end || close + 1 < c.end && text.charAt(close + 1) == q) {
      throw NotPlain.INSTANCE;
    }
    String value = text.substring(c.pos + 1, close);
    if (q == '"' && value.indexOf('\\') >= 0) {
      throw NotPlain.INSTANCE;
    }
    c.pos = close + 1;
    return new Scalar(c.line, value, Scalar.Kind.STRING);
  }

  /** What a plain scalar may start with here: no indicator, no sign or dot (numbers the full parser types). */
  private static boolean plainStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '/'
        || c >= 0x80 && c != 0xFEFF;
  }

  /** A plain scalar typed as the full parser types it, or NotPlain when its type is anything but text, a whole number or true/false. */
  private static Scalar plain(int line, String value) {
    if (value.isEmpty()) {
      throw NotPlain.INSTANCE;
    }
    Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
    if (Tag.STR.equals(tag) || Tag.TIMESTAMP.equals(tag)) { // the full parser reads a timestamp as text
      return new Scalar(line, value, Scalar.Kind.STRING);
    }
    if (Tag.INT.equals(tag) && DIGITS.matcher(value).matches()) { // 0733 too: typed as the full parser does, text as written
      return new Scalar(line, value, Scalar.Kind.INTEGER);
    }
    if (Tag.FLOAT.equals(tag) && DIGITS_EXPONENT.matcher(value).matches()) {
      return new Scalar(line, value, Scalar.Kind.FLOAT); // YAML 1.1 reads 0988 and 15353e718757 as floats, kept as written
    }
    if (Tag.BOOL.equals(tag) && BOOLEANS.contains(value)) {
      return new Scalar(line, value, Scalar.Kind.BOOLEAN);
    }
    throw NotPlain.INSTANCE;
  }
}
