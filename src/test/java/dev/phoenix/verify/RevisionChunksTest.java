package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Ref;
import dev.phoenix.core.EntryCodec;
import dev.phoenix.core.Problem;
import dev.phoenix.model.Digest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs of revisions: where they are cut, and their entry's layout. */
class RevisionChunksTest {
  private static List<Optional<String>> keys(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> Optional.of("prod " + Integer.toHexString(i * 7919) + " blob")).toList();
  }

  @Test
  void runsCoverEveryRevisionInOrderAndEndWhereTheKeysSay() {
    List<Optional<String>> keys = new ArrayList<>(keys(0, 400));
    keys.set(100, Optional.empty());
    List<RevisionChunks.Run> runs = RevisionChunks.cut(keys);
    assertThat(runs.get(0).from()).isZero();
    assertThat(runs.get(runs.size() - 1).to()).isEqualTo(400);
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i).from()).isEqualTo(runs.get(i - 1).to());
    }
    for (RevisionChunks.Run run : runs) {
      Optional<String> last = keys.get(run.to() - 1);
      boolean cutByKey = last.isPresent() && RevisionChunks.endsRun(last.get());
      boolean alone = last.isEmpty() && run.size() == 1;
      boolean beforeKeyless = run.to() < 400 && keys.get(run.to()).isEmpty();
      assertThat(run.closed()).as("run %s is closed when a key or a key-less revision ends it", run)
          .isEqualTo(cutByKey || alone || beforeKeyless);
      for (int i = run.from(); i < run.to() - 1; i++) {
        assertThat(keys.get(i).map(RevisionChunks::endsRun)).as("no cut inside %s", run).hasValue(false);
      }
    }
    assertThat(runs).contains(new RevisionChunks.Run(100, 101, true));
    assertThat(runs.subList(0, runs.size() - 1)).allMatch(RevisionChunks.Run::closed);
    assertThat(runs.size()).as("about one cut in %d", RevisionChunks.AVERAGE).isBetween(400 / 40, 400 / 6);
  }

  @Test
  void whenTheWindowSlidesEveryClosedRunIsTheEndOfOneFiledTheNightBefore() {
    List<Optional<String>> tonight = keys(0, 300);
    List<Optional<String>> tomorrow = keys(3, 302); // three revisions older than the window, two new ones
    Map<String, List<String>> filed = new LinkedHashMap<>();
    for (RevisionChunks.Run run : RevisionChunks.cut(tonight)) {
      if (run.closed()) {
        List<String> held = texts(tonight.subList(run.from(), run.to()));
        filed.put(RevisionChunks.key(held), held);
      }
    }
    List<RevisionChunks.Run> after = RevisionChunks.cut(tomorrow);
    assertThat(after.stream().filter(RevisionChunks.Run::closed).count()).isGreaterThan(4);
    for (RevisionChunks.Run run : after) {
      if (run.closed()) {
        List<String> wanted = texts(tomorrow.subList(run.from(), run.to()));
        List<String> held = filed.get(RevisionChunks.key(wanted));
        assertThat(held).as("filed under %s's last key", run).isNotNull();
        assertThat(held.subList(held.size() - wanted.size(), held.size())).isEqualTo(wanted);
      }
    }
  }

  private static List<String> texts(List<Optional<String>> keys) {
    return keys.stream().map(Optional::orElseThrow).toList();
  }

  private static Ref image(int i) {
    return new Ref.Image("registry.example.com", "team/svc-" + i,
        new Digest("sha256", String.format("%064x", i)));
  }

  @Test
  void aRunDecodesToItsRevisionsSharingOneInstanceOfEachReference() {
    List<RevisionReading> readings = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      Map<Ref, List<String>> refs = new LinkedHashMap<>();
      for (int i = r; i < r + 30; i++) {
        refs.put(image(i % 33), List.of("services/svc-" + (i % 33)));
      }
      refs.put(new Ref.Ssm("/app/config", r), List.of("config/app", "config/worker"));
      List<Problem> problems = r == 3 ? List.of(Problem.at("environments/prod/environment.lock.yaml", 4, "bad", "fix it"))
          : List.of();
      readings.add(new RevisionReading(refs, problems, List.of()));
    }
    List<String> keys = List.of("k0", "k1", "k2", "k3", "k4");
    byte[] payload = RevisionChunks.encode(keys, readings);
    Canonical canonical = new Canonical();
    List<RevisionReading> back = RevisionChunks.decode(payload, keys, canonical).orElseThrow();
    assertThat(back).isEqualTo(readings);
    assertThat(back).allSatisfy(r -> assertThat(r.in(canonical)).as("already canonical, not made again").isSameAs(r));
    assertThat(RevisionChunks.decode(payload, keys.subList(2, 5), new Canonical())).as("the run's end")
        .hasValue(readings.subList(2, 5));
    assertThat(RevisionChunks.decode(payload, keys.subList(1, 4), new Canonical())).as("not its end").isEmpty();
    assertThat(RevisionChunks.decode(payload, List.of("k9", "k0", "k1", "k2", "k3", "k4"), new Canonical()))
        .as("longer than the run").isEmpty();
    for (int r = 0; r < 5; r++) {
      assertThat(List.copyOf(back.get(r).refs().keySet())).as("order kept")
          .isEqualTo(List.copyOf(readings.get(r).refs().keySet()));
    }
    Ref shared = image(10);
    Ref first = back.get(0).refs().keySet().stream().filter(shared::equals).findFirst().orElseThrow();
    Ref last = back.get(4).refs().keySet().stream().filter(shared::equals).findFirst().orElseThrow();
    assertThat(last).isSameAs(first);
    assertThat(payload.length).as("each reference written once, then indexes")
        .isLessThan(RevisionChunks.encode(keys.subList(0, 2), readings.subList(0, 2)).length * 2);
  }

  private static RevisionReading reading(int... images) {
    Map<Ref, List<String>> refs = new LinkedHashMap<>();
    for (int i : images) {
      refs.put(image(i), List.of("services/svc-" + i));
    }
    return new RevisionReading(refs, List.of(), List.of());
  }

  private static byte[] run(List<String> keys, RevisionReading... readings) {
    return RevisionChunks.file(List.of(readings), new Canonical()).encode(keys);
  }

  private static int runsIn(byte[] entry) {
    return new EntryCodec.In(entry).count();
  }

  /**
   * A key that ends several runs (a rolled-back lockfile): the entry keeps each, and each decodes,
   * as does the end of each; a run whose revisions end the new one's is held by it and goes.
   */
  @Test
  void anEntryKeepsEveryRunItsKeyEnds() {
    List<String> first = List.of("a", "k");
    List<String> second = List.of("b", "c", "k");
    byte[] one = RevisionChunks.entry(run(first, reading(1), reading(9)), first, Optional.empty());
    byte[] both = RevisionChunks.entry(run(second, reading(2), reading(3), reading(9)), second, Optional.of(one));
    assertThat(runsIn(both)).isEqualTo(2);
    assertThat(RevisionChunks.decode(both, first, new Canonical())).as("the older run").contains(List.of(reading(1), reading(9)));
    assertThat(RevisionChunks.decode(both, second, new Canonical())).as("the newer run")
        .contains(List.of(reading(2), reading(3), reading(9)));
    assertThat(RevisionChunks.decode(both, List.of("c", "k"), new Canonical())).as("the end of one")
        .contains(List.of(reading(3), reading(9)));
    assertThat(RevisionChunks.decode(both, List.of("x", "k"), new Canonical())).as("no run ends so").isEmpty();
    Canonical shared = new Canonical(); // pairs known by their bytes, from either part of the entry
    List<RevisionReading> older = RevisionChunks.decode(both, first, shared).orElseThrow();
    List<RevisionReading> newer = RevisionChunks.decode(both, second, shared).orElseThrow();
    assertThat(older).isEqualTo(List.of(reading(1), reading(9)));
    assertThat(newer).isEqualTo(List.of(reading(2), reading(3), reading(9)));
    assertThat(newer.get(2).refs().keySet().iterator().next()).isSameAs(older.get(1).refs().keySet().iterator().next());

    List<String> longer = List.of("z", "a", "k");
    byte[] covered = RevisionChunks.entry(run(longer, reading(4), reading(1), reading(9)), longer, Optional.of(both));
    assertThat(runsIn(covered)).as("[a, k] ends [z, a, k]: held by it").isEqualTo(2);
    assertThat(RevisionChunks.decode(covered, first, new Canonical())).contains(List.of(reading(1), reading(9)));
    assertThat(RevisionChunks.decode(covered, second, new Canonical())).contains(List.of(reading(2), reading(3), reading(9)));

    byte[] entry = Optional.of(covered).get();
    for (int i = 0; i < RevisionChunks.MOST + 3; i++) {
      List<String> keys = List.of("n" + i, "k");
      entry = RevisionChunks.entry(run(keys, reading(i), reading(9)), keys, Optional.of(entry));
    }
    assertThat(runsIn(entry)).as("bounded, the newest kept").isEqualTo(RevisionChunks.MOST);
    assertThat(RevisionChunks.decode(entry, List.of("n" + (RevisionChunks.MOST + 2), "k"), new Canonical())).isPresent();
    assertThat(RevisionChunks.decode(entry, second, new Canonical())).as("the oldest gone").isEmpty();

    byte[] damaged = java.util.Arrays.copyOf(both, both.length - 1);
    byte[] fresh = RevisionChunks.entry(run(first, reading(1), reading(9)), first, Optional.of(damaged));
    assertThat(fresh).as("a damaged entry is dropped whole").isEqualTo(one);
  }

  @Test
  void aRunThatDoesNotReadBackExactlyIsMalformed() {
    Map<Ref, List<String>> refs = new LinkedHashMap<>();
    refs.put(image(1), List.of("services/a"));
    List<String> one = List.of("k");
    byte[] good = RevisionChunks.encode(one, List.of(new RevisionReading(refs, List.of(), List.of())));
    // an index past the table
    EntryCodec.Out out = new EntryCodec.Out();
    out.integer(1).text("k").integer(1);
    RevisionReading.writeUse(out, image(1), List.of("services/a"));
    out.integer(1).integer(5).integer(0).integer(0);
    assertThatThrownBy(() -> RevisionChunks.decode(RevisionChunks.entry(out.bytes(), one, Optional.empty()), one, new Canonical())).isInstanceOf(EntryCodec.Malformed.class)
        .hasMessageContaining("index");
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> RevisionChunks.decode(longer, one, new Canonical())).isInstanceOf(EntryCodec.Malformed.class);
    byte[] shorter = java.util.Arrays.copyOf(good, good.length - 1);
    assertThatThrownBy(() -> RevisionChunks.decode(shorter, one, new Canonical())).isInstanceOf(EntryCodec.Malformed.class);
  }

  /** One reference of every kind the read cache holds, each with two uses. */
  private static List<Ref> everyKind() {
    return List.of(
        new Ref.Image("registry.example.com", "team/api", new Digest("sha256", "a".repeat(64))),
        new Ref.S3Object("artefacts", "fn.zip", "v1", "b".repeat(64)),
        new Ref.Ami("ami-0123456789abcdef0", "eu-west-2"),
        new Ref.Ssm("/app/config", 7),
        new Ref.Secret("prod/key", "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"),
        new Ref.RdsSnapshot("arn:aws:rds:eu-west-2:123456789012:snapshot:nightly"),
        new Ref.DynamoBackup("arn:aws:dynamodb:eu-west-2:123456789012:table/orders/backup/01"));
  }

  @Test
  void passingOverAReferenceEndsWhereReadingItEnds() {
    for (Ref ref : everyKind()) {
      EntryCodec.Out out = new EntryCodec.Out();
      RevisionReading.writeUse(out, ref, List.of("services/api", "config/app.DB"));
      out.integer(42); // what follows must be read from the right place
      byte[] bytes = out.bytes();
      EntryCodec.In skipped = new EntryCodec.In(bytes);
      RevisionReading.skipUse(skipped);
      EntryCodec.In read = new EntryCodec.In(bytes);
      assertThat(RevisionReading.readRef(read)).isEqualTo(ref);
      assertThat(RevisionReading.readUses(read)).containsExactly("services/api", "config/app.DB");
      assertThat(skipped.position()).as(ref.toString()).isEqualTo(read.position());
      assertThat(skipped.integer()).isEqualTo(42);
      EntryCodec.In cut = new EntryCodec.In(java.util.Arrays.copyOf(bytes, bytes.length - 3));
      assertThatThrownBy(() -> RevisionReading.skipUse(cut)).as("cut short: %s", ref)
          .isInstanceOf(EntryCodec.Malformed.class);
    }
  }

  @Test
  void aRunDecodedAgainstPairsDecodedBeforeIsTheSameAsDecodedAfresh() {
    Map<Ref, List<String>> one = new LinkedHashMap<>();
    Map<Ref, List<String>> two = new LinkedHashMap<>();
    List<Ref> refs = everyKind();
    for (int i = 0; i < refs.size(); i++) {
      one.put(refs.get(i), List.of("services/s" + i));
      two.put(refs.get(refs.size() - 1 - i), List.of("services/s" + (refs.size() - 1 - i), "config/c" + i));
    }
    List<String> keys = List.of("k0", "k1");
    byte[] payload = RevisionChunks.encode(keys, List.of(new RevisionReading(one, List.of(), List.of()),
        new RevisionReading(two, List.of(), List.of())));
    Canonical primed = new Canonical();
    List<RevisionReading> first = RevisionChunks.decode(payload, keys, primed).orElseThrow();
    List<RevisionReading> again = RevisionChunks.decode(payload, keys, primed).orElseThrow(); // every pair known by its bytes
    List<RevisionReading> fresh = RevisionChunks.decode(payload, keys, new Canonical()).orElseThrow();
    for (int r = 0; r < 2; r++) {
      assertThat(List.copyOf(again.get(r).refs().entrySet())).isEqualTo(List.copyOf(fresh.get(r).refs().entrySet()))
          .isEqualTo(List.copyOf((r == 0 ? one : two).entrySet()));
      List<Ref> before = List.copyOf(first.get(r).refs().keySet());
      List<Ref> now = List.copyOf(again.get(r).refs().keySet());
      for (int i = 0; i < before.size(); i++) {
        assertThat(now.get(i)).as("the canonical instance").isSameAs(before.get(i));
        assertThat(again.get(r).refs().get(now.get(i))).isSameAs(first.get(r).refs().get(before.get(i)));
      }
    }
  }
}
