package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.check.Ref;
import dev.phoenix.core.EntryCodec;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.model.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run's revisions decoded from the cache, or filed in it on a cold read, are {@link RunRefs},
 * positions in one table: each must be the same map as the one filed (order, lookups by an equal
 * reference, equality both ways), and the tally and the assessment over them must be those over the
 * maps filed.
 */
class RunRefsTest {
  /** How a run's readings come back as {@link RunRefs}: the last {@code wanted} of a run of {@code all}. */
  enum Back {
    DECODED {
      @Override
      List<RevisionReading> of(List<RevisionReading> readings, List<String> all, List<String> wanted, Canonical canonical) {
        return RevisionChunks.decode(RevisionChunks.encode(all, readings), wanted, canonical).orElseThrow();
      }
    },
    FILED {
      @Override
      List<RevisionReading> of(List<RevisionReading> readings, List<String> all, List<String> wanted, Canonical canonical) {
        List<RevisionReading> filed = RevisionChunks.file(readings, canonical).readings();
        return filed.subList(all.size() - wanted.size(), all.size());
      }
    };

    abstract List<RevisionReading> of(List<RevisionReading> readings, List<String> all, List<String> wanted,
        Canonical canonical);
  }

  private static Ref image(int i) {
    return new Ref.Image("registry.example.com", "team/svc-" + i, new Digest("sha256", String.format("%064x", i)));
  }

  /**
   * Revisions of a run, each a window of 40 of 60 references from {@code base} on, shuffled, some with
   * another use list on some days (so one reference is at two places of the run's table), with config.
   */
  private static List<RevisionReading> run(Random random, int revisions, int base) {
    List<RevisionReading> readings = new ArrayList<>();
    for (int r = 0; r < revisions; r++) {
      Map<Ref, List<String>> refs = new LinkedHashMap<>();
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        order.add((r * 3 + i) % 60);
      }
      java.util.Collections.shuffle(order, random);
      int day = r;
      order.forEach(i -> refs.put(image(base + i), day % 3 == 0 && i % 5 == 0 // from time to time used twice: another pair
          ? List.of("services/svc-" + i, "services/extra") : List.of("services/svc-" + i)));
      refs.put(new Ref.Ssm("/app/config", base + r / 4), List.of("config/app", "config/worker"));
      readings.add(new RevisionReading(refs, List.of(), List.of()));
    }
    return readings;
  }

  private static List<String> keys(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "k" + i).toList();
  }

  @ParameterizedTest
  @EnumSource(Back.class)
  void aDecodedOrFiledRevisionIsTheMapThatWasFiled(Back how) {
    List<RevisionReading> filed = run(new Random(7), 12, 0);
    List<RevisionReading> back = how.of(filed, keys(12), keys(12), new Canonical());
    RunTable table = ((RunRefs) back.get(0).refs()).table;
    assertThat(java.util.stream.IntStream.range(0, table.size()).filter(p -> table.refId[p] != p).count())
        .as("references at a second place of the table").isPositive();
    for (int r = 0; r < filed.size(); r++) {
      Map<Ref, List<String>> was = filed.get(r).refs();
      Map<Ref, List<String>> is = back.get(r).refs();
      assertThat(is).isInstanceOf(RunRefs.class);
      assertThat(is.equals(was)).isTrue();
      assertThat(was.equals(is)).isTrue();
      assertThat(is.hashCode()).isEqualTo(was.hashCode());
      assertThat(List.copyOf(is.entrySet())).isEqualTo(List.copyOf(was.entrySet()));
      List<Ref> seen = new ArrayList<>();
      is.forEach((ref, uses) -> {
        seen.add(ref);
        assertThat(uses).isEqualTo(was.get(ref));
      });
      assertThat(seen).isEqualTo(List.copyOf(was.keySet()));
      for (int i = -5; i < 70; i++) { // equal references made afresh, held or not by this revision, or by none
        Ref ref = image(i);
        assertThat(is.get(ref)).as("get %s in revision %d", ref, r).isEqualTo(was.get(ref));
        assertThat(is.containsKey(ref)).isEqualTo(was.containsKey(ref));
        assertThat(is.keySet().contains(ref)).isEqualTo(was.containsKey(ref));
      }
      assertThat(is.size()).isEqualTo(was.size());
      assertThatThrownBy(() -> is.put(image(1), List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void aReferenceTwiceInOneRevisionIsMalformedAtTheSameOrAnotherPlaceOfTheTable() {
    EntryCodec.Out samePlace = new EntryCodec.Out();
    samePlace.integer(1).text("k").integer(2);
    RevisionReading.writeUse(samePlace, image(1), List.of("services/a"));
    RevisionReading.writeUse(samePlace, image(2), List.of("services/b"));
    samePlace.integer(3).integer(0).integer(1).integer(0).integer(0).integer(0);
    EntryCodec.Out otherPlace = new EntryCodec.Out(); // image 1 with two use lists, both held by one revision
    otherPlace.integer(1).text("k").integer(2);
    RevisionReading.writeUse(otherPlace, image(1), List.of("services/a"));
    RevisionReading.writeUse(otherPlace, image(1), List.of("services/a", "services/b"));
    otherPlace.integer(2).integer(0).integer(1).integer(0).integer(0);
    for (EntryCodec.Out out : List.of(samePlace, otherPlace)) {
      assertThatThrownBy(() -> RevisionChunks.decode(RevisionChunks.entry(out.bytes(), List.of("k"), Optional.empty()), List.of("k"), new Canonical()))
          .isInstanceOf(EntryCodec.Malformed.class).hasMessageContaining("twice");
    }
  }

  @ParameterizedTest
  @EnumSource(Back.class)
  void theTallyOverDecodedOrFiledRunsIsTheTallyOverTheFiledMaps(Back how) {
    Random random = new Random(11);
    Map<String, List<EnvRevision>> filed = new LinkedHashMap<>();
    Map<String, List<EnvRevision>> decoded = new LinkedHashMap<>();
    Canonical canonical = new Canonical();
    for (String env : List.of("dev", "prod")) {
      List<EnvRevision> a = new ArrayList<>();
      List<EnvRevision> b = new ArrayList<>();
      for (int run = 0; run < 3; run++) { // three runs, the last read from its middle on (a window's start)
        List<RevisionReading> readings = run(random, 10, run * 1000);
        List<String> wanted = run == 2 ? keys(10).subList(4, 10) : keys(10);
        List<RevisionReading> back = how.of(readings, keys(10), wanted, canonical);
        List<RevisionReading> asFiled = readings.subList(10 - wanted.size(), 10);
        for (int i = 0; i < back.size(); i++) {
          a.add(revision(env, a.size(), asFiled.get(i).refs()));
          b.add(revision(env, b.size(), back.get(i).refs()));
        }
      }
      filed.put(env, a);
      decoded.put(env, b);
    }
    Verifier.Tally want = Verifier.Tally.of(filed);
    Verifier.Tally got = Verifier.Tally.of(decoded);
    assertThat(List.copyOf(got.unique())).isEqualTo(List.copyOf(want.unique()));
    assertThat(got.uses()).isEqualTo(want.uses());
    assertThat(got.count()).isEqualTo(want.count());
    // references only the run's revisions before the window's start held (positions 7-11, config 2000) are not counted
    assertThat(got.unique()).contains(image(2000 + 12)).doesNotContain(image(2000 + 8), new Ref.Ssm("/app/config", 2000));
  }

  @ParameterizedTest
  @EnumSource(Back.class)
  void theAssessmentOfDecodedOrFiledRunsIsTheAssessmentOfTheFiledMaps(Back how) {
    Random random = new Random(23);
    List<EnvRevision> filed = new ArrayList<>();
    List<EnvRevision> decoded = new ArrayList<>();
    Canonical canonical = new Canonical();
    for (int run = 0; run < 2; run++) {
      List<RevisionReading> readings = run(random, 12, 0); // the same references in both runs, new instances
      List<RevisionReading> back = how.of(readings, keys(12), keys(12), canonical);
      for (int i = 0; i < back.size(); i++) {
        filed.add(revision("prod", filed.size(), readings.get(i).refs()));
        decoded.add(revision("prod", decoded.size(), back.get(i).refs()));
      }
    }
    Map<Ref, dev.phoenix.check.Finding> findings = new java.util.HashMap<>();
    filed.forEach(r -> r.refs().keySet().forEach(ref -> findings.put(ref, dev.phoenix.check.Finding.ok())));
    // broken: one reference with a second use list on some days (two places in each run's table), and one without
    findings.put(image(5), dev.phoenix.check.Finding.missing("manifest unknown"));
    findings.put(image(33), dev.phoenix.check.Finding.missing("manifest unknown"));
    VerifyWindow window = VerifyWindow.between(Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"),
        "since 61d", true);
    EnvReport want = Assessment.of("prod", window, filed, findings, Instant.parse("2026-10-01T00:00:00Z"));
    EnvReport got = Assessment.of("prod", window, decoded, findings, Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(got.toString()).isEqualTo(want.toString());
    assertThat(want.summary()).as("the broken references make revisions not restorable").doesNotContain("at every point");
  }

  @Test
  void aFiledRunIsEncodedAsBeforeAndItsRevisionsArePositionsInItsTable() {
    Canonical canonical = new Canonical();
    List<RevisionReading> readings = new ArrayList<>();
    run(new Random(5), 12, 0).forEach(r -> readings.add(r.in(canonical)));
    RevisionChunks.Filed filed = RevisionChunks.file(readings, canonical);
    // the encoding this replaced: distinct (reference, use list) pairs in the order first met, by equality
    Map<Map.Entry<Ref, List<String>>, Integer> table = new LinkedHashMap<>();
    readings.forEach(r -> r.refs().forEach((ref, uses) -> table.putIfAbsent(Map.entry(ref, uses), table.size())));
    EntryCodec.Out out = new EntryCodec.Out();
    out.integer(readings.size());
    keys(12).forEach(out::text);
    out.integer(table.size());
    table.keySet().forEach(e -> RevisionReading.writeUse(out, e.getKey(), e.getValue()));
    for (RevisionReading r : readings) {
      out.integer(r.refs().size());
      r.refs().forEach((ref, uses) -> out.integer(table.get(Map.entry(ref, uses))));
      r.writeRest(out);
    }
    assertThat(filed.encode(keys(12))).isEqualTo(out.bytes());
    assertThat(filed.table().size()).isEqualTo(table.size());
    int i = 0;
    for (Map.Entry<Ref, List<String>> pair : table.keySet()) {
      assertThat(filed.table().refs[i]).isSameAs(pair.getKey());
      assertThat(filed.table().uses[i]).isSameAs(pair.getValue());
      i++;
    }
    for (int r = 0; r < readings.size(); r++) {
      RunRefs refs = (RunRefs) filed.readings().get(r).refs();
      assertThat(refs.table).isSameAs(filed.table());
      Map<Ref, List<String>> was = readings.get(r).refs();
      int[] want = was.entrySet().stream().mapToInt(e -> table.get(Map.entry(e.getKey(), e.getValue()))).toArray();
      assertThat(refs.positions).as("revision %d", r).containsExactly(want);
    }
  }

  private static EnvRevision revision(String env, int n, Map<Ref, List<String>> refs) {
    return new EnvRevision(env, new CommitInfo(String.format("%040d", n), Instant.parse("2026-09-01T00:00:00Z").plusSeconds(n),
        "a", "s"), Instant.parse("2026-09-01T00:00:00Z").plusSeconds(n), null, refs, List.of(), List.of());
  }
}
