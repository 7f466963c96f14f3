package dev.phoenix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The payload layout: every value reads back as written, and anything else is malformed. */
class EntryCodecTest {
  private static final long[] INTEGERS = {0, 1, -1, 63, 64, -64, -65, 127, 128, 300, Integer.MAX_VALUE,
      Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
  private static final String[] TEXTS = {null, "", "a", "ünïcødé ✓ 𝄞", "x".repeat(70_000)};

  @Test
  void everyValueReadsBackAsWritten() {
    EntryCodec.Out out = new EntryCodec.Out();
    for (long i : INTEGERS) {
      out.integer(i);
    }
    for (String t : TEXTS) {
      out.text(t);
    }
    EntryCodec.In in = new EntryCodec.In(out.bytes());
    for (long i : INTEGERS) {
      assertThat(in.integer()).isEqualTo(i);
    }
    for (String t : TEXTS) {
      assertThat(in.text()).isEqualTo(t);
    }
    in.end();
    assertThat(new EntryCodec.Out().integer(5).bytes()).as("small numbers take a byte").hasSize(1);
  }

  @Test
  void truncatedOverlongOrTrailingPayloadsAreMalformed() {
    byte[] good = new EntryCodec.Out().integer(2).text("hello").integer(Long.MIN_VALUE).bytes();
    for (int cut = 0; cut < good.length; cut++) {
      byte[] part = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> {
        EntryCodec.In in = new EntryCodec.In(part);
        in.count();
        in.text();
        in.integer();
        in.end();
      }).as("cut at %d", cut).isInstanceOf(EntryCodec.Malformed.class);
    }
    EntryCodec.In trailing = new EntryCodec.In(Arrays.copyOf(good, good.length + 1));
    trailing.count();
    trailing.text();
    trailing.integer();
    assertThatThrownBy(trailing::end).isInstanceOf(EntryCodec.Malformed.class);
    byte[] endless = new byte[12];
    Arrays.fill(endless, (byte) 0x80);
    assertThatThrownBy(() -> new EntryCodec.In(endless).integer()).isInstanceOf(EntryCodec.Malformed.class);
    assertThatThrownBy(() -> new EntryCodec.In(new EntryCodec.Out().integer(-1).bytes()).count())
        .isInstanceOf(EntryCodec.Malformed.class);
    assertThatThrownBy(() -> new EntryCodec.In(new EntryCodec.Out().integer(1000).bytes()).text())
        .isInstanceOf(EntryCodec.Malformed.class).hasMessageContaining("length");
  }

  /** A part reads on its own: never past its end, whether read in full, in part or passed over. */
  @Test
  void aPartIsReadWithinItsBounds() {
    byte[] inner = new EntryCodec.Out().text("inside").integer(7).bytes();
    byte[] payload = new EntryCodec.Out().integer(3).part(inner).part(inner).part(inner).text("after").bytes();
    EntryCodec.In in = new EntryCodec.In(payload);
    assertThat(in.count()).isEqualTo(3);
    EntryCodec.In whole = in.part();
    assertThat(whole.text()).isEqualTo("inside");
    assertThat(whole.integer()).isEqualTo(7);
    whole.end();
    EntryCodec.In half = in.part();
    assertThat(half.text()).isEqualTo("inside");
    assertThatThrownBy(half::end).as("a part half read").isInstanceOf(EntryCodec.Malformed.class);
    assertThat(in.part().rest()).as("passed over whole").isEqualTo(inner);
    assertThat(in.text()).as("what follows the parts").isEqualTo("after");
    in.end();
    EntryCodec.In over = new EntryCodec.In(new EntryCodec.Out().part(new EntryCodec.Out().integer(1).bytes()).integer(9).bytes()).part();
    over.integer();
    assertThatThrownBy(over::integer).as("no reading past the part's end").isInstanceOf(EntryCodec.Malformed.class);
    byte[] cut = Arrays.copyOf(payload, 5);
    assertThatThrownBy(() -> {
      EntryCodec.In c = new EntryCodec.In(cut);
      c.count();
      c.part();
    }).as("a part longer than what is left").isInstanceOf(EntryCodec.Malformed.class);
  }
}
