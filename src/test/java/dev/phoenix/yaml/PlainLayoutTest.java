package dev.phoenix.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path ({@link PlainLayout}) against the full parser ({@link SafeYaml#full}): on every
 * document where the fast path answers, both trees are the same (order of keys, lines, kinds,
 * text); the house layout is answered by the fast path (else the optimisation is gone); what the
 * full parser refuses is never answered by the fast path.
 */
class PlainLayoutTest {

  /** The tree as text: keys in order, every node's line, every scalar's kind, text and written form. */
  static String render(YamlNode node) {
    StringBuilder out = new StringBuilder();
    render(node, out);
    return out.toString();
  }

  private static void render(YamlNode node, StringBuilder out) {
    if (node instanceof YamlNode.MapNode m) {
      out.append("{@").append(m.line());
      m.entries().forEach((k, e) -> {
        out.append(' ').append(k).append('@').append(e.keyLine()).append('=');
        assertThat(e.key()).isEqualTo(k);
        render(e.value(), out);
      });
      out.append('}');
    } else if (node instanceof YamlNode.ListNode l) {
      out.append("[@").append(l.line());
      l.items().forEach(i -> {
        out.append(' ');
        render(i, out);
      });
      out.append(']');
    } else {
      YamlNode.Scalar s = (YamlNode.Scalar) node;
      out.append(s.kind()).append('@').append(s.line()).append('<').append(s.text()).append("|").append(s.written())
          .append('>');
    }
  }

  /** Both parsers on one document: the fast path's tree, when it gives one, is the full parser's. */
  private static YamlNode same(String doc) {
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    YamlNode fast = PlainLayout.read(bytes);
    List<YamlException> duplicates = new ArrayList<>();
    YamlNode full;
    try {
      full = SafeYaml.full(bytes, duplicates);
    } catch (YamlException e) {
      assertThat(fast).as("the full parser refuses this, the fast path must not read it:\n%s", doc).isNull();
      return null;
    }
    if (fast != null) {
      assertThat(duplicates).as("fast path read a document with duplicate keys:\n%s", doc).isEmpty();
      assertThat(render(fast)).as("trees differ for:\n%s", doc).isEqualTo(render(full));
    }
    return fast;
  }

  private static void fast(String doc) {
    assertThat(same(doc)).as("the fast path should read:\n%s", doc).isNotNull();
  }

  private static void slow(String doc) {
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    same(doc);
    assertThat(PlainLayout.read(bytes)).as("the fast path should leave this to the full parser:\n%s", doc).isNull();
  }

  @Test
  void generatedLockfilesAndStacksReadTheSameAndFast() {
    Random r = new Random(14);
    for (int n = 0; n < 300; n++) {
      fast(lockfile(r, 1 + r.nextInt(40), r.nextBoolean()));
      fast(stack(r, 1 + r.nextInt(30)));
    }
  }

  static String lockfile(Random r, int services, boolean comments) {
    StringBuilder s = new StringBuilder();
    if (comments) {
      s.append("# written by phoenix lock\n\n");
    }
    s.append("apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: env-").append(r.nextInt(9)).append('\n');
    s.append("stacks: [team-00, team-01]\nartefacts:\n");
    for (int i = 0; i < services; i++) {
      s.append("  svc-").append(i).append(":\n");
      int kind = r.nextInt(3);
      if (kind == 0) {
        s.append("    type: container-image\n    version: 1.").append(r.nextInt(40)).append(".0-").append(r.nextInt(999))
            .append('-').append(hex(r, 7)).append('\n');
        s.append("    image: 127.0.0.1:").append(1024 + r.nextInt(60000)).append("/bench/svc-").append(i)
            .append("@sha256:").append(hex(r, 64)).append(comments && r.nextBoolean() ? "  # tonight's build" : "")
            .append('\n');
        s.append("    source: {repository: https://git.example.com/svc-").append(i).append(", commit: ")
            .append(r.nextBoolean() ? hex(r, 12) : String.format("%012d", r.nextInt(1000))).append("}\n");
      } else if (kind == 1) {
        s.append("    type: lambda-package\n    version: 2.0.1-77-").append(hex(r, 7)).append('\n');
        s.append("    s3: {bucket: artefacts, key: statements/2.0.1-77-1a2b3c4.zip, versionId: ")
            .append(r.nextBoolean() ? "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY" : "\"null-ish_" + r.nextInt(99) + "\"")
            .append(", sha256: ").append(hex(r, 64)).append("}\n");
      } else {
        s.append("    type: machine-image\n    version: 2026.11.0-12-abcdef0\n    ami: ami-0123456789abcdef0\n")
            .append("    region: eu-west-2\n");
      }
      if (r.nextInt(4) == 0) {
        s.append("    assurance:\n");
        for (int a = 0; a < 1 + r.nextInt(3); a++) {
          s.append("      - {step: unit-tests, result: passed, evidence: https://ci.example.com/runs/").append(r.nextInt(999))
              .append("}\n");
        }
      }
    }
    s.append("config:\n");
    for (int i = 0; i < services; i++) {
      s.append("  svc-").append(i).append(":\n");
      s.append("    CONFIG: {ssm: /bench/svc-").append(i).append("/config, version: ").append(1 + r.nextInt(300))
          .append("}\n");
      if (r.nextBoolean()) {
        s.append("    API_KEY: {secret: prod/payments/api-key, versionId: 0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f}\n");
      }
      if (r.nextBoolean()) {
        s.append("    LOG_LEVEL: {value: ").append(List.of("info", "\"off\"", "'012345'", "debug trace", "true", "8080",
            "0", "x-1", "a:b").get(r.nextInt(9))).append("}\n");
      }
      if (r.nextInt(5) == 0) {
        s.append("    DB: {datastore: orders-db}\n");
      }
    }
    return s.toString();
  }

  static String stack(Random r, int services) {
    StringBuilder s = new StringBuilder("apiVersion: phoenix/v1\nkind: Stack\nname: team-00\ndependsOn: []\nservices:\n");
    for (int i = 0; i < services; i++) {
      if (r.nextBoolean()) {
        s.append("  - {name: svc-").append(i).append(", artefact: svc-").append(i)
            .append(", port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 2, config: svc-").append(i)
            .append("}\n");
      } else {
        s.append("  - name: svc-").append(i).append("\n    artefact: svc-").append(i).append("\n    port: ")
            .append(1 + r.nextInt(65535)).append("\n    health: /healthz\n    taskPolicies: [arn:aws:iam::aws:policy/ReadOnly]\n");
      }
    }
    if (r.nextBoolean()) {
      s.append("datastores:\n  - name: orders-db\n    engine: postgres\n    backups: {s3: {bucket: dumps, prefix: orders/}}\n")
          .append("    rpo: 24h\n");
    }
    return s.toString();
  }

  private static String hex(Random r, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return s.toString();
  }

  /** Every YAML example in the docs, hand-written: where the fast path reads one, it reads it as the full parser. */
  @Test
  void everyYamlExampleInTheDocsReadsTheSame() throws IOException {
    Pattern block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    int examples = 0;
    int read = 0;
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = block.matcher(Files.readString(doc));
        while (m.find()) {
          examples++;
          if (same(m.group(1)) != null) {
            read++;
          }
        }
      }
    }
    assertThat(examples).isGreaterThan(5);
    assertThat(read).as("the fast path reads some of the docs' examples").isGreaterThan(0);
  }

  @Test
  void oddButPlainCasesReadTheSame() {
    fast("a: b\n");
    fast("a: b"); // no final newline
    fast("  a: b\n  c: d\n"); // the whole document indented
    fast("a:\n    b: c\n    d:\n        - x\n        - y\n");
    fast("a: [ ]\nb: {}\nc: []\n");
    fast("a: [x, y, [z, {k: v}]]\n");
    fast("a: {k: [1, 2, 3], m: {n: o}}\n");
    fast("a: hello world   \n"); // trailing spaces
    fast("a: b # a comment\n# another\n\n   \nc: d\n");
    fast("a: b#c\n"); // not a comment without the space
    fast("a: x:y\nb: http://h:80/p?q=1&r=2\n");
    fast("a: {u: http://h:80/p, v: a:b}\n");
    fast("a: 0\nb: 42\nd: 1.2.3\ne: true\nf: FALSE\ng: 1_x\n");
    fast("a: 'single'\nb: \"double\"\nc: \"with # hash, comma, [brackets]\"\nd: ''\ne: \"\"\n");
    fast("a: \"off\"\nb: 'yes'\nc: \"012\"\n");
    fast("list:\n  - a\n  - b # c\n  - {k: v}\n  - [x]\n  - \"q\"\n");
    fast("list:\n  - k: v\n    l: w\n  -   m: x\n      n:\n        - y\n");
    fast("key.with/dots-and_dash: v\n9lives: x\nUPPER_CASE: y\n");
    fast("a: ünïcödé\nb: {c: 日本}\n");
    fast("a: some text with spaces, and a comma\nb: with [brackets] inside\n");
    // timestamps (an assurance record's "at"): text to both parsers
    fast("at: 2026-11-20T09:58:00Z\nd: 2026-11-20\ns: 2026-11-20 09:58:00\nf: 2001-12-14t21:59:43.10-05:00\n");
    fast("assurance:\n  - {step: unit-tests, result: passed, at: 2026-11-20T09:58:00Z, evidence: https://ci/r/318}\n");
    fast("a: [2026-11-20, 2026-11-20T09:58:00.5+01:00]\n");
  }

  @Test
  void whatThePlainLayoutLeavesToTheFullParser() {
    slow("a: &x b\nc: *x\n"); // anchors and aliases: the full parser refuses them
    slow("a: !!str b\n");
    slow("a: !custom b\n");
    slow("base: &b {k: v}\nother:\n  <<: *b\n");
    slow("---\na: b\n");
    slow("a: b\n---\nc: d\n");
    slow("%YAML 1.1\n---\na: b\n");
    slow("a: b\n...\n");
    slow("a: b\na: c\n"); // duplicate keys: the full parser reports both lines
    slow("a: {k: 1, k: 2}\n");
    slow("a:\tb\n");
    slow("a: b\r\nc: d\r\n");
    slow("\uFEFFa: b\n");
    slow("a:\n");
    slow("a: {k: }\n");
    slow("a: ~\nb: null\n");
    slow("a: yes\n");
    slow("a: off\n");
    fast("a: 012\n"); // an octal-looking whole number, typed and kept as written
    slow("a: 1.5\n");
    slow("a: -1\n");
    slow("a: .inf\n");
    fast("a: 1e3\nb: 0988\nc: 15353e718757\n"); // YAML 1.1 floats that are hex commits: typed and kept as written
    slow("a: 0x1F\n");
    slow("a: 190:20:30\n");
    slow("a: |\n  text\n");
    slow("a: >\n  text\n");
    slow("a: plain\n  continued\n");
    slow("a: {k: v,\n  l: w}\n");
    slow("a: [x,\n  y]\n");
    slow("a: \"multi\n  line\"\n");
    slow("a: \"esc\\n\"\n");
    slow("a: 'it''s'\n");
    slow("list:\n- a\n- b\n"); // an indentless list
    slow("list:\n  -\n    a\n");
    slow("list:\n  - - a\n");
    slow("? complex\n: key\n");
    slow("\"quoted key\": v\n");
    slow("'quoted key': v\n");
    slow("a: b: c\n");
    slow("a: {k: [v}\n");
    slow("a: [x]]\n");
    slow("a: b\n c: d\n"); // an odd indent
    slow("a:\n  b: c\n d: e\n");
    fast("- a\n- b\n"); // a list at the top reads the same
    slow("just text\n");
    slow("");
    slow("# only a comment\n");
    slow("a: @reserved\n");
    slow("a: `reserved\n");
    slow("a: 'x' y\n");
    slow("a: [x] y\n");
    slow("a: b #c\nd:e\n");
    slow("k" + "x".repeat(200) + ": v\n"); // long keys: the full parser's limit and message
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    deep.append("  ".repeat(30)).append("v: x\n");
    slow(deep.toString());
    slow("a: " + "[".repeat(30) + "x" + "]".repeat(30) + "\n");
  }

  /** Hostile input is refused through {@link SafeYaml#parse} exactly as before: by the full parser's rules. */
  @Test
  void hostileInputIsStillRefused() {
    String laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n";
    assertThatThrownBy(() -> SafeYaml.parse(laughs.getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
        .isInstanceOf(YamlException.class).hasMessageContaining("anchors and aliases are not allowed");
    assertThatThrownBy(() -> SafeYaml.parse("a: !!python/object x\n".getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
        .isInstanceOf(YamlException.class).hasMessageContaining("type tag");
    byte[] huge = ("a: " + "x".repeat(SafeYaml.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SafeYaml.parse(huge, new ArrayList<>()))
        .isInstanceOf(YamlException.class).hasMessageContaining("byte limit");
    assertThatThrownBy(() -> SafeYaml.parse("a: b\u0000\n".getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
        .isInstanceOf(YamlException.class).hasMessageContaining("control character");
    assertThatThrownBy(() -> SafeYaml.parse(new byte[] {'a', ':', ' ', (byte) 0xC3, '\n'}, new ArrayList<>()))
        .isInstanceOf(YamlException.class).hasMessageContaining("not UTF-8");
    StringBuilder deep = new StringBuilder("a: ");
    deep.append("[".repeat(40)).append("]".repeat(40)).append('\n');
    assertThatThrownBy(() -> SafeYaml.parse(deep.toString().getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
        .isInstanceOf(YamlException.class);
    List<YamlException> duplicates = new ArrayList<>();
    try {
      SafeYaml.parse("a: b\na: c\n".getBytes(StandardCharsets.UTF_8), duplicates);
    } catch (YamlException e) {
      throw new AssertionError(e);
    }
    assertThat(duplicates).singleElement().extracting(YamlException::getMessage).asString()
        .contains("duplicate key 'a' (first at line 1)");
  }
}
