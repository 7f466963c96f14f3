package dev.phoenix.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every place an anchor or alias can stand is refused, not only anchors on maps and lists. */
class SafeYamlAnchorsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "a: &x 1\nb: 2\n",                 // anchor on a plain scalar, never used
      "a: &x 'quoted'\nb: 2\n",          // on a quoted scalar
      "a: &x\n  k: v\n",                 // on a map
      "a: &x [1, 2]\n",                  // on a flow list
      "a:\n  - &x one\n  - two\n",       // on a list item
      "&x a: 1\n",                       // on a key
      "a: &x 1\nb: *x\n",                // anchor and alias
      "a: &x {k: v}\nb:\n  <<: *x\n",    // merge key
      "? &x a\n: 1\n",                   // anchor on a complex key
  })
  void anchorsAndAliasesAnywhereAreRefused(String yaml) {
    assertThatThrownBy(() -> SafeYaml.parse(yaml.getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("anchors and aliases are not allowed");
  }

  @Test
  void theMessageNamesTheLineOfAScalarAnchor() {
    assertThatThrownBy(() -> SafeYaml.parse("a: 1\nb:\n  c: &x 2\n".getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
        .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void anAmpersandInsideAValueIsNotAnAnchor() throws YamlException {
    List<YamlException> duplicates = new ArrayList<>();
    YamlNode node = SafeYaml.parse("a: 'x &y'\nb: R&D\n".getBytes(StandardCharsets.UTF_8), duplicates);
    assertThat(node).isInstanceOf(YamlNode.MapNode.class);
    assertThat(duplicates).isEmpty();
  }
}
