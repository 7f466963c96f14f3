package dev.phoenix.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthesis engine in its own class loader, as the distribution runs it: CDKTF's jars off the
 * application class path, named by -Dphoenix.cdktf.path.
 */
class EngineLoaderTest {

  @TempDir Path dir;

  @Test
  void synthesizesWhenTheApplicationClassPathHasNoCdktf() throws Exception {
    List<URL> app = new ArrayList<>();
    List<String> cdktf = new ArrayList<>();
    for (String entry : testClassPath()) {
      String name = Path.of(entry).getFileName().toString();
      if (name.matches("(cdktf|constructs|jsii-runtime)-.*\\.jar")) {
        cdktf.add(entry);
      } else {
        app.add(Path.of(entry).toUri().toURL());
      }
    }
    assertThat(cdktf).as("CDKTF, its AWS provider, constructs and jsii on the test class path").hasSize(4);

    try (URLClassLoader world = new URLClassLoader(app.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> world.loadClass("com.hashicorp.cdktf.App"))
          .as("the application loader of this world cannot see CDKTF").isInstanceOf(ClassNotFoundException.class);
      Class<?> backend = world.loadClass(StateBackend.class.getName());
      Class<?> requestType = world.loadClass(SynthRequest.class.getName());
      Object request = world.loadClass(SampleRequests.class.getName()).getMethod("twoServices", backend)
          .invoke(null, backend.getMethod("local").invoke(null));
      Method load = world.loadClass(EngineLoader.class.getName()).getDeclaredMethod("load", String.class);
      load.setAccessible(true);
      Object engine = load.invoke(null, String.join(File.pathSeparator, cdktf));

      ClassLoader engineLoader = engine.getClass().getClassLoader();
      assertThat(engineLoader).isNotSameAs(world);
      assertThat(engineLoader.loadClass("com.hashicorp.cdktf.App").getClassLoader())
          .as("CDKTF comes from the engine's loader").isSameAs(engineLoader);
      assertThat(engineLoader.loadClass(SynthRequest.class.getName()))
          .as("the records are the callers' own").isSameAs(requestType);

      Path out = Files.createDirectories(dir.resolve("out"));
      world.loadClass(SynthEngine.class.getName()).getMethod("synthesize", requestType, Path.class)
          .invoke(engine, request, out);
      String json = Files.readString(out.resolve("stacks").resolve(SynthRequest.ROOT_STACK).resolve("cdk.tf.json"));
      assertThat(json).contains("\"aws_ecs_service\"", "\"aws_lb\"");
      assertThat(out.resolve("state")).as("the local backend's directory").isDirectory();
    }
  }

  @Test
  void aMissingCdktfJarIsNamedWithWhatToDo() {
    String missing = dir.resolve("lib/cdktf/cdktf-provider-aws-18.0.3.jar").toString();
    assertThatThrownBy(() -> EngineLoader.load(missing))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("-Dphoenix.cdktf.path")
        .hasMessageContaining("reinstall Phoenix's distribution");
  }

  @Test
  void withoutAPathTheEngineFindsCdktfThroughItsParentYetLivesInItsOwnLoader() throws Exception {
    SynthEngine engine = EngineLoader.load("");
    assertThat(engine.getClass().getName()).isEqualTo("dev.phoenix.synth.cdktf.CdktfEngine");
    assertThat(engine.getClass().getClassLoader()).isInstanceOf(EngineLoader.class);
    assertThat(engine.getClass().getClassLoader().loadClass("com.hashicorp.cdktf.App").getClassLoader())
        .isSameAs(getClass().getClassLoader());
  }

  private static List<String> testClassPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(path.split(File.pathSeparator));
  }
}
