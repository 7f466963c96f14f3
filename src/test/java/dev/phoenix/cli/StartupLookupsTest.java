package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.testsupport.Exec;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lookup of what the class path lacks opens every jar on it (each jar's whole index is read on
 * first use), and CDKTF's AWS provider alone is 120 MB. {@link Main#main} turns off the two such
 * lookups that every command made at start-up (picocli's Groovy closures, SLF4J's provider search).
 * Each case runs {@link StartupProbe} in its own JVM, with the provider's jar last on the class path,
 * and reads back which jars were opened.
 */
class StartupLookupsTest {
  private static final String PROVIDER = "cdktf-provider-aws";

  @Test
  void startingOpensNoJarPastTheOnesItLoadsFrom() {
    Exec.Result probe = probe();
    assertThat(probe.exitCode()).as(probe.toString()).isZero();
    assertThat(probe.stdout()).as("jars opened").contains("picocli").contains("slf4j-nop").doesNotContain(PROVIDER);
    assertThat(probe.stderr()).as("naming SLF4J's provider prints nothing").isEmpty();
  }

  @Test
  void eitherLookupLeftOnOpensTheWholeClassPath() {
    Exec.Result closures = probe("-Dpicocli.disable.closures=false");
    assertThat(closures.exitCode()).as(closures.toString()).isZero();
    assertThat(closures.stdout()).as("picocli's closure lookup").contains(PROVIDER);
    Exec.Result slf4j = probe("-Dslf4j.provider=");
    assertThat(slf4j.exitCode()).as(slf4j.toString()).isZero();
    assertThat(slf4j.stdout()).as("SLF4J's provider search").contains(PROVIDER);
  }

  private static Exec.Result probe(String... properties) {
    List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    List<String> provider = entries.stream().filter(e -> e.contains(PROVIDER)).toList();
    assertThat(provider).as("the provider's jar on the test class path").hasSize(1);
    entries.removeAll(provider);
    entries.addAll(provider);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED"));
    command.addAll(List.of(properties));
    command.addAll(List.of("-cp", String.join(File.pathSeparator, entries), StartupProbe.class.getName()));
    return Exec.run(Duration.ofSeconds(60), command, Map.of());
  }
}
