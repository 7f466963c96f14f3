package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.model.Lockfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link LockfileMemo} must never change what a lockfile reads as: the same value, in the same
 * order, and exactly the same problems as a whole read, whatever entries it remembers from other
 * files; and it must actually spare the parsing of repeated entries.
 */
class LockfileMemoTest {
  private static final String FILE = Lockfile.path("prod");

  static final String BASE = """
      apiVersion: phoenix/v1
      kind: EnvironmentLock
      environment: prod
      stacks: [services, functions]
      artefacts:
        payments-api:
          type: container-image
          version: 1.4.2-318-9f3c2ab          # ${semver}-${build-number}-${commit-hash-fragment}
          image: registry.example.com/payments/api@sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904b2d1f8a6e0c5d2f8b9a31c07
          source: {repository: https://git.example.com/payments/api, commit: 9f3c2ab4e1d0}
          assurance:
            - {step: unit-tests, result: passed, at: 2026-11-20T09:58:00Z, evidence: https://ci.example.com/runs/318}
        ledger-worker:
          type: container-image
          version: 3.0.7-1204-e1d2c3b
          image: registry.example.com/payments/ledger-worker@sha256:9d1f0a7c3e5b2f48a6c0d9e8b7a6f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c9b8a
          source: {repository: https://git.example.com/payments/ledger, commit: e1d2c3b9a8f7}
        statements:
          type: lambda-package
          version: 2.0.1-77-1a2b3c4
          s3: {bucket: artefacts, key: statements/2.0.1-77-1a2b3c4.zip, versionId: 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY, sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae}
        bastion:
          type: machine-image
          version: 2026.11.0-12-abcdef0
          ami: ami-0123456789abcdef0
          region: eu-west-2
      config:
        payments-api:
          DATABASE_URL: {ssm: /prod/payments/database-url, version: 7}
          API_KEY: {secret: prod/payments/api-key, versionId: 0c3f6a1e-5b2d-4c1a-9f00-6a2b1c3d4e5f}
          LOG_LEVEL: {value: info}
        ledger-worker:
          QUEUE_URL: {ssm: /prod/ledger/queue-url, version: 3}
          LOG_LEVEL: {value: warn}
        statements:
          BUCKET: {value: prod-statements}
      """;

  /** The reading as text: value with every map in its order, and every problem with its line. */
  private static String reading(Parsed<Lockfile> parsed) {
    return parsed.value() + "\n" + parsed.problems();
  }

  private static Parsed<Lockfile> viaMemo(LockfileMemo memo, String text) {
    return memo.read(FILE, text.getBytes(StandardCharsets.UTF_8), "prod");
  }

  private static Parsed<Lockfile> whole(String text) {
    return LockfileReader.whole(FILE, text.getBytes(StandardCharsets.UTF_8), "prod");
  }

  @Test
  void aRevisionWithOneChangedEntryParsesOnlyThatEntryAndTheLastOfEachSection() {
    LockfileMemo memo = new LockfileMemo();
    assertThat(reading(viaMemo(memo, BASE))).isEqualTo(reading(whole(BASE)));
    assertThat(memo.reused()).isZero();
    String next = BASE.replace("commit: e1d2c3b9a8f7", "commit: e1d2c3b9a8f8");
    Parsed<Lockfile> read = viaMemo(memo, next);
    assertThat(read.problems()).isEmpty();
    assertThat(reading(read)).isEqualTo(reading(whole(next)));
    // artefacts: payments-api and statements remembered (ledger-worker changed, bastion is last);
    // config: payments-api and ledger-worker remembered (statements is last)
    assertThat(memo.reused()).isEqualTo(4);
    assertThat(read.value().artefacts().get("ledger-worker").source().commit()).isEqualTo("e1d2c3b9a8f8");
    assertThat(List.copyOf(read.value().artefacts().keySet()))
        .containsExactly("payments-api", "ledger-worker", "statements", "bastion");
  }

  @Test
  void aReaderTakesEntriesUnchangedSinceItsLastFileInPlaceAndOthersFromTheSharedMemo() {
    LockfileMemo memo = new LockfileMemo();
    LockfileMemo first = memo.reader();
    LockfileMemo second = memo.reader();
    viaMemo(first, BASE);
    String moved = BASE.replace("  statements:\n    type: lambda", "  statement:\n    type: lambda"); // one entry renamed
    assertThat(reading(viaMemo(first, moved))).isEqualTo(reading(whole(moved)));
    assertThat(memo.reused()).isEqualTo(4); // payments-api, ledger-worker; config payments-api, ledger-worker
    assertThat(reading(viaMemo(second, BASE))).isEqualTo(reading(whole(BASE))); // nothing last: the shared memo
    assertThat(memo.reused()).isEqualTo(9);
    Parsed<Lockfile> again = viaMemo(first, moved);
    assertThat(again.value().artefacts().get("payments-api"))
        .isSameAs(viaMemo(second, moved).value().artefacts().get("payments-api"));
  }

  @Test
  void anEntryRememberedFromAnotherFileDoesNotHideADuplicateOrAnErrorElsewhere() {
    LockfileMemo memo = new LockfileMemo();
    viaMemo(memo, BASE);
    String duplicate = BASE.replace("  statements:\n    type: lambda", "  payments-api:\n    type: lambda");
    String unknownField = BASE.replace("    region: eu-west-2\n", "    region: eu-west-2\n    colour: blue\n");
    String badIndent = BASE.replace("  ledger-worker:\n    type", " ledger-worker:\n    type");
    for (String doc : List.of(duplicate, unknownField, badIndent)) {
      Parsed<Lockfile> read = viaMemo(memo, doc);
      assertThat(read.problems()).isNotEmpty();
      assertThat(reading(read)).isEqualTo(reading(whole(doc)));
    }
  }

  /** Edits of a lockfile's text, valid and not, each a function of the text. */
  static List<UnaryOperator<String>> edits(Random random) {
    List<UnaryOperator<String>> edits = new ArrayList<>();
    edits.add(t -> t.replace("version: 7}", "version: " + (8 + random.nextInt(5)) + "}"));
    edits.add(t -> t.replace("a31c07", "a31c0" + random.nextInt(10)));
    edits.add(t -> t.replace("commit: 9f3c2ab4e1d0", "commit: 9f3c2ab4e1d" + random.nextInt(10)));
    edits.add(t -> t.replace("  bastion:\n", "# the bastion host\n\n  bastion:\n"));
    edits.add(t -> t.replace("artefacts:\n", "artefacts:   \n"));
    edits.add(t -> t.replace("artefacts:\n", "artefacts: # pinned\n"));
    edits.add(t -> t.replace("LOG_LEVEL: {value: warn}", "LOG_LEVEL: {value: wärn}"));
    edits.add(t -> t.replace("type: machine-image", "type: machine-imag"));
    edits.add(t -> t.replace("    ami: ami-0123456789abcdef0\n", ""));
    edits.add(t -> t.replace("  statements:\n    type: lambda", "  payments-api:\n    type: lambda"));
    edits.add(t -> t.replace("  statements:\n    BUCKET", "  ledger-worker:\n    BUCKET"));
    edits.add(t -> t.replace("    LOG_LEVEL: {value: info}", "\tLOG_LEVEL: {value: info}"));
    edits.add(t -> t.replace("{value: prod-statements}", "&a {value: prod-statements}"));
    edits.add(t -> t.replace("\n", "\r\n"));
    edits.add(t -> t.replace("  ledger-worker:\n    type", " ledger-worker:\n    type"));
    edits.add(t -> t.replace("\n  ", "\n    ").replace("\n    - {", "\n      - {")); // every child deeper
    edits.add(t -> t.endsWith("\n") ? t.substring(0, t.length() - 1) : t);
    edits.add(t -> "---\n" + t);
    edits.add(t -> t.replace("config:\n", "config:\n  - just a list\n"));
    edits.add(t -> t.replace("environment: prod", "environment: staging"));
    edits.add(t -> t.replace("    LOG_LEVEL: {value: warn}\n", "    LOG_LEVEL: {value: warn}\n    PASSWORD: {value: hunter2}\n"));
    edits.add(t -> t.replace("    version: 3.0.7-1204-e1d2c3b", "    version: 3.0.7"));
    edits.add(t -> t.replace("  payments-api:\n    type", "  payments-api: {type: container-image}\n  payments-x:\n    type"));
    edits.add(t -> t.replace("source: {repository: https://git.example.com/payments/api,",
        "source: {repository: https://git.example.com/payments/api,\n      "));
    edits.add(t -> t.replace("config:\n", "config: {}\nextra:\n"));
    edits.add(t -> { // two entries swapped
      int a = t.indexOf("  ledger-worker:\n    type");
      int b = t.indexOf("  statements:\n    type");
      int c = t.indexOf("  bastion:");
      return a < 0 || b < a || c < b ? t : t.substring(0, a) + t.substring(b, c) + t.substring(a, b) + t.substring(c);
    });
    return edits;
  }

  @Test
  void everyEditReadsExactlyAsTheWholeFileWhateverTheMemoRemembers() {
    Random random = new Random(14);
    List<UnaryOperator<String>> edits = edits(random);
    List<String> docs = new ArrayList<>(List.of(BASE));
    for (UnaryOperator<String> edit : edits) {
      docs.add(edit.apply(BASE));
    }
    for (int i = 0; i < 400; i++) { // two or three edits at once, in a random order
      String doc = BASE;
      for (int k = 2 + random.nextInt(2); k > 0; k--) {
        doc = edits.get(random.nextInt(edits.size())).apply(doc);
      }
      docs.add(doc);
    }
    LockfileMemo memo = new LockfileMemo();
    List<LockfileMemo> readers = List.of(memo, memo.reader(), memo.reader()); // readers compare with their last file too
    int clean = 0;
    for (int round = 0; round < 3; round++) {
      Collections.shuffle(docs, random);
      for (String doc : docs) {
        Parsed<Lockfile> whole = whole(doc);
        LockfileMemo reader = readers.get(random.nextInt(readers.size()));
        assertThat(reading(viaMemo(reader, doc))).as("read through the memo:\n%s", doc).isEqualTo(reading(whole));
        clean += whole.problems().isEmpty() ? 1 : 0;
      }
    }
    assertThat(clean).as("clean documents among the edits").isGreaterThan(100);
    assertThat(memo.reused()).as("entries taken from the memo").isGreaterThan(4L * clean / 2);
  }
}
