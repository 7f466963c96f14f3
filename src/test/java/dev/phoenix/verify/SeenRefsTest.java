package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Ref;
import dev.phoenix.model.Digest;
import org.junit.jupiter.api.Test;

class SeenRefsTest {
  private static Ref image(char c) {
    return new Ref.Image("registry.example.com", "shop/api", new Digest("sha256", String.valueOf(c).repeat(64)));
  }

  @Test
  void aRepeatIsNewOnceWhetherTheSameInstanceOrAnEqualOne() {
    SeenRefs seen = new SeenRefs();
    Ref a = image('a');
    Ref b = image('b');
    assertThat(seen.add(b)).isTrue();
    assertThat(seen.add(a)).isTrue();
    assertThat(seen.add(b)).isFalse(); // the same instance
    assertThat(seen.add(image('a'))).isFalse(); // equal, another instance
    assertThat(seen.add(new Ref.Ssm("/shop/db", 3))).isTrue();
    assertThat(seen.add(new Ref.Ssm("/shop/db", 3))).isFalse();
    assertThat(seen.inOrder()).containsExactly(b, a, new Ref.Ssm("/shop/db", 3));
  }
}
