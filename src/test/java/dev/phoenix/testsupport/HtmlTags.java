package dev.phoenix.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start tags of an HTML document as a browser serializes it (chromium's --dump-dom): names in
 * lower case, attribute values with their character references decoded. Comments, doctype and the
 * raw text of style and script are skipped; enough to count elements and follow links.
 */
public final class HtmlTags {
  private static final Pattern REF = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

  private HtmlTags() {}

  public record Tag(String name, Map<String, String> attributes) {
    public String attr(String name) {
      return attributes.get(name);
    }

    public boolean hasClass(String c) {
      String cls = attributes.get("class");
      return cls != null && List.of(cls.trim().split("\\s+")).contains(c);
    }
  }

  public static List<Tag> parse(String html) {
    List<Tag> tags = new ArrayList<>();
    int i = 0;
    int n = html.length();
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      char c = html.charAt(lt + 1);
      if (c == '!' || c == '?' || c == '/') {
        int end = html.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
        continue;
      }
      if (!Character.isLetter(c)) {
        i = lt + 1;
        continue;
      }
      int p = lt + 1;
      while (p < n && !Character.isWhitespace(html.charAt(p)) && html.charAt(p) != '>' && html.charAt(p) != '/') {
        p++;
      }
      String name = html.substring(lt + 1, p).toLowerCase(Locale.ROOT);
      Map<String, String> attrs = new LinkedHashMap<>();
      while (p < n && html.charAt(p) != '>') {
        char ch = html.charAt(p);
        if (Character.isWhitespace(ch) || ch == '/') {
          p++;
          continue;
        }
        int a = p;
        while (p < n && !Character.isWhitespace(html.charAt(p)) && "=>/".indexOf(html.charAt(p)) < 0) {
          p++;
        }
        String attr = html.substring(a, p).toLowerCase(Locale.ROOT);
        String value = "";
        if (p < n && html.charAt(p) == '=') {
          p++;
          char q = p < n ? html.charAt(p) : ' ';
          if (q == '"' || q == '\'') {
            int end = html.indexOf(q, p + 1);
            end = end < 0 ? n : end;
            value = html.substring(p + 1, end);
            p = Math.min(n, end + 1);
          } else {
            int v = p;
            while (p < n && !Character.isWhitespace(html.charAt(p)) && html.charAt(p) != '>') {
              p++;
            }
            value = html.substring(v, p);
          }
        }
        attrs.putIfAbsent(attr, decode(value));
      }
      tags.add(new Tag(name, attrs));
      i = p + 1;
      if (name.equals("style") || name.equals("script") || name.equals("textarea") || name.equals("title")) {
        int end = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
        i = end < 0 ? n : end;
      }
    }
    return tags;
  }

  static String decode(String s) {
    Matcher m = REF.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String r = m.group(1);
      String rep = switch (r) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        case "nbsp" -> "\u00a0";
        default -> new String(Character.toChars(r.startsWith("#x") || r.startsWith("#X")
            ? Integer.parseInt(r.substring(2), 16) : Integer.parseInt(r.substring(1))));
      };
      m.appendReplacement(b, Matcher.quoteReplacement(rep));
    }
    m.appendTail(b);
    return b.toString();
  }
}
