package dev.phoenix.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.ListNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML the safe way for files that decide what runs in production: no type tags, no
 * anchors or aliases (no billion-laughs), bounded size and nesting, duplicate keys refused. Builds
 * a plain tree with line numbers; nothing is ever instantiated from the document.
 */
public final class SafeYaml {
  public static final int MAX_BYTES = 1024 * 1024;
  public static final int MAX_DEPTH = 24;
  /** The YAML parser's limit for a plain (unquoted) key; a longer one is a syntax error to it. */
  public static final int MAX_KEY_CHARS = 1024;

  private static final YAMLFactory FACTORY = newFactory();


  private SafeYaml() {}

  private static YAMLFactory newFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both lines
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    return new AnchorFreeParser.Factory(YAMLFactory.builder().loaderOptions(options));
  }

  /** Parses one document. Duplicate keys are collected into {@code duplicates} as line+message. */
  public static YamlNode parse(byte[] content, List<YamlException> duplicates)
      throws YamlException {
    if (content.length > MAX_BYTES) {
      throw new YamlException(
          0,
          "file is over the " + MAX_BYTES + "-byte limit",
          "split it or remove what does not belong in a lockfile");
    }
    YamlNode plain = parsePlain(content); // the layout Phoenix writes, read without the full parser
    return plain != null ? plain : full(content, duplicates);
  }

  /**
   * {@link #parse}, but only for the plain layout Phoenix writes ({@link PlainLayout}): null when
   * the content is over the size limit or needs the full parser (so {@link #parse} may still read
   * it, or will report what is wrong with it). Throws what {@link #parse} throws for a bad character.
   */
  public static YamlNode parsePlain(byte[] content) throws YamlException {
    if (content.length > MAX_BYTES) {
      return null;
    }
    Characters.check(content);
    return PlainLayout.read(content);
  }

  /** The full parser, on content whose size and characters were checked. */
  static YamlNode full(byte[] content, List<YamlException> duplicates) throws YamlException {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(content)) {
      JsonToken first = next(parser);
      if (first == null) {
        throw new YamlException(1, "file is empty", "write the document described in docs/lockfile.md");
      }
      YamlNode root = read(parser, first, 1, duplicates);
      if (next(parser) != null) {
        throw new YamlException(line(parser), "more than one YAML document", "keep one document per file");
      }
      return root;
    } catch (AnchorFreeParser.AnchorFound e) {
      throw anchors(e.line);
    } catch (IOException e) {
      int line = lineOf(e);
      YamlException longKey = LongKeys.find(content);
      if (longKey != null) {
        throw longKey;
      }
      throw new YamlException(line, "not valid YAML: " + firstLine(e.getMessage()), "fix the syntax at that line");
    } catch (RuntimeException e) {
      // whatever limit or oddity the parser trips over, the file is unreadable input, never a Phoenix bug
      throw new YamlException(0, "not valid YAML: " + firstLine(e.getMessage()), "fix the file");
    }
  }

  private static JsonToken next(YAMLParser parser) throws IOException, YamlException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return null;
    }
    if (parser.getTypeId() != null) {
      throw new YamlException(
          line(parser),
          "a YAML type tag (!…) is not allowed", // the tag itself is not repeated: the file may not be Phoenix's
          "remove the tag; Phoenix files hold plain maps, lists and strings");
    }
    if (parser.getObjectId() != null || parser.isCurrentAlias()) {
      throw anchors(line(parser));
    }
    return token;
  }

  private static YamlException anchors(int line) {
    return new YamlException(line, "YAML anchors and aliases are not allowed",
        "write the value out in full so every entry can be read on its own");
  }

  private static YamlNode read(
      YAMLParser parser, JsonToken token, int depth, List<YamlException> duplicates)
      throws IOException, YamlException {
    int line = line(parser);
    if (depth > MAX_DEPTH) {
      throw new YamlException(line, "nesting deeper than " + MAX_DEPTH + " levels", "flatten the document");
    }
    switch (token) {
      case START_OBJECT:
        return readMap(parser, line, depth, duplicates);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = next(parser); t != JsonToken.END_ARRAY; t = next(parser)) {
          items.add(read(parser, t, depth + 1, duplicates));
        }
        return new ListNode(line, List.copyOf(items));
      case VALUE_STRING:
        return new Scalar(line, parser.getText(), Scalar.Kind.STRING);
      case VALUE_NUMBER_INT:
        return new Scalar(line, parser.getText(), Scalar.Kind.INTEGER);
      case VALUE_NUMBER_FLOAT:
        return new Scalar(line, parser.getText(), Scalar.Kind.FLOAT);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Scalar(line, parser.getText(), Scalar.Kind.BOOLEAN);
      case VALUE_NULL:
        return new Scalar(line, null, Scalar.Kind.NULL, parser.getText() == null ? "" : parser.getText());
      default:
        throw new YamlException(line, "unexpected YAML content " + token, "fix the syntax at that line");
    }
  }

  private static MapNode readMap(
      YAMLParser parser, int line, int depth, List<YamlException> duplicates)
      throws IOException, YamlException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (JsonToken t = next(parser); t != JsonToken.END_OBJECT; t = next(parser)) {
      String key = parser.currentName();
      int keyLine = line(parser);
      YamlNode value = read(parser, next(parser), depth + 1, duplicates);
      Entry previous = entries.putIfAbsent(key, new Entry(key, keyLine, value));
      if (previous != null) {
        duplicates.add(
            new YamlException(
                keyLine,
                "duplicate key '" + key + "' (first at line " + previous.keyLine() + ")",
                "keep one of them; YAML readers disagree on which one wins"));
      }
    }
    return new MapNode(line, java.util.Collections.unmodifiableMap(entries));
  }

  private static int line(JsonParser parser) {
    JsonLocation location = parser.currentTokenLocation();
    return location == null ? 0 : location.getLineNr();
  }

  private static int lineOf(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        && jpe.getLocation() != null) {
      return Math.max(jpe.getLocation().getLineNr(), 0);
    }
    return 0;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
