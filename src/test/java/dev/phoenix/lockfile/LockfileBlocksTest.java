package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.lockfile.LockfileBlocks.Block;
import dev.phoenix.lockfile.LockfileBlocks.Cut;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A cut that follows the previous file's cut ({@link LockfileBlocks#cut(byte[], byte[], List)})
 * must be exactly the cut a scan gives, whatever the previous file was, and every child it says is
 * the same as a previous one must have that one's text and section.
 */
class LockfileBlocksTest {

  /** Edits that move, add, drop, repeat or extend children: what following has to notice. */
  private static List<UnaryOperator<String>> moves() {
    List<UnaryOperator<String>> moves = new ArrayList<>();
    moves.add(t -> t.replace("artefacts:\n", "artefacts:\n  first:\n    type: machine-image\n    ami: ami-1\n"));
    moves.add(t -> cutOut(t, "  ledger-worker:\n    type", "  statements:\n    type"));
    moves.add(t -> cutOut(t, "  payments-api:\n    DATABASE", "  ledger-worker:\n    QUEUE"));
    moves.add(t -> { // one entry twice: a duplicate key
      int a = t.indexOf("  statements:\n    type");
      int b = t.indexOf("  bastion:");
      return a < 0 || b < a ? t : t.substring(0, b) + t.substring(a, b) + t.substring(b);
    });
    moves.add(t -> t.replace("    region: eu-west-2\n", "    region: eu-west-2\n      deeper: line\n"));
    moves.add(t -> t.replace("    ami: ami-0123456789abcdef0\n", "    ami: ami-0123456789abcdef0\n    # a note\n"));
    moves.add(t -> t.replace("    ami: ami-0123456789abcdef0\n", "    ami: ami-0123456789abcdef0\n\n"));
    moves.add(t -> t.replace("  bastion:\n", "   bastion:\n"));
    moves.add(t -> t.replace("  statements:\n    BUCKET: {value: prod-statements}\n", "  statements:\n    BUCKET: {value: prod-statements}"));
    moves.add(t -> t.endsWith("\n") ? t + "  extra:\n    K: {value: v}\n" : t + "x\n");
    moves.add(t -> t.replace("config:\n", "other:\n  payments-api:\n    x: 1\nconfig:\n"));
    moves.add(t -> t.replace("\nconfig:\n", "\n"));
    return moves;
  }

  private static String cutOut(String t, String from, String to) {
    int a = t.indexOf(from);
    int b = t.indexOf(to);
    return a < 0 || b < a ? t : t.substring(0, a) + t.substring(b);
  }

  @Test
  void followingThePreviousCutCutsExactlyAsAScan() {
    Random random = new Random(41);
    List<UnaryOperator<String>> edits = new ArrayList<>(LockfileMemoTest.edits(random));
    edits.addAll(moves());
    List<String> docs = new ArrayList<>(List.of(LockfileMemoTest.BASE));
    for (int i = 0; i < 600; i++) {
      String doc = docs.get(random.nextInt(docs.size())); // a chain of edits, like a history
      for (int k = 1 + random.nextInt(2); k > 0; k--) {
        doc = edits.get(random.nextInt(edits.size())).apply(doc);
      }
      docs.add(doc);
    }
    int followed = 0;
    int matched = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] last = bytes(docs.get(random.nextInt(docs.size())));
      byte[] next = bytes(i % 3 == 0 ? docs.get(random.nextInt(docs.size()))
          : edits.get(random.nextInt(edits.size())).apply(new String(last, StandardCharsets.UTF_8)));
      Optional<List<Block>> lastBlocks = LockfileBlocks.cut(last);
      if (lastBlocks.isEmpty()) {
        continue;
      }
      Optional<Cut> cut = LockfileBlocks.cut(next, last, lastBlocks.get());
      Optional<List<Block>> scan = LockfileBlocks.cut(next);
      String as = new String(last, StandardCharsets.UTF_8) + "\n----- followed by -----\n" + new String(next, StandardCharsets.UTF_8);
      assertThat(cut.map(Cut::blocks)).as(as).isEqualTo(scan);
      if (cut.isEmpty()) {
        continue;
      }
      followed++;
      for (int b = 0; b < cut.get().blocks().size(); b++) {
        int same = cut.get().same()[b];
        if (same >= 0) {
          matched++;
          Block now = cut.get().blocks().get(b);
          Block was = lastBlocks.get().get(same);
          assertThat(now.section()).as(as).isEqualTo(was.section());
          assertThat(Arrays.equals(next, now.from(), now.to(), last, was.from(), was.to())).as(as).isTrue();
        }
      }
    }
    assertThat(followed).as("pairs both cut").isGreaterThan(1500);
    assertThat(matched).as("children matched without a scan").isGreaterThan(followed);
  }

  @Test
  void anUnchangedFileIsMatchedWholeAndAChangedChildIsScanned() {
    byte[] base = bytes(LockfileMemoTest.BASE);
    List<Block> blocks = LockfileBlocks.cut(base).orElseThrow();
    Cut again = LockfileBlocks.cut(base, base, blocks).orElseThrow();
    assertThat(again.blocks()).isEqualTo(blocks);
    assertThat(again.same()).containsExactly(0, 1, 2, 3, 4, 5, 6);

    byte[] changed = bytes(LockfileMemoTest.BASE.replace("commit: e1d2c3b9a8f7", "commit: e1d2c3b9a8f8")
        .replace("artefacts:\n", "artefacts:\n  added:\n    type: machine-image\n    ami: ami-1\n"));
    Cut next = LockfileBlocks.cut(changed, base, blocks).orElseThrow();
    assertThat(next.blocks().stream().map(Block::key))
        .containsExactly("added", "payments-api", "ledger-worker", "statements", "bastion", "payments-api", "ledger-worker", "statements");
    assertThat(next.same()).containsExactly(-1, 0, -1, 2, 3, 4, 5, 6);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
