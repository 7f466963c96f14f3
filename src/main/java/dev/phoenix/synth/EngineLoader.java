package dev.phoenix.synth;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the synthesis engine ({@code dev.phoenix.synth.cdktf}) in a class loader of its own.
 *
 * <p>CDKTF's jars are 130 MB, the AWS provider's alone 120 MB with tens of thousands of entries.
 * On the application class path every command paid for them: a resource the JDK or JGit looks up
 * and does not find (a service file, a locale's bundle) makes the class loader open every jar on
 * the path. The distribution therefore keeps them in {@code lib/cdktf/}, off the class path, and
 * the launcher names them in the system property {@value #PATH_PROPERTY}; only a synthesis opens
 * them. Without the property (tests, the OCI image) CDKTF is on the class path and this loader
 * finds it through its parent.
 *
 * <p>Delegation: classes of {@code dev.phoenix.synth.cdktf} are defined here, from Phoenix's own
 * jar, so that they link against the CDKTF classes this loader sees; everything else, Phoenix's
 * records and exceptions included, comes from the parent first, so the engine and its callers share
 * {@link SynthRequest}, {@link SynthResult} and {@link SynthException}.
 */
final class EngineLoader extends URLClassLoader {

  /** The CDKTF jars, in the platform's path syntax. */
  static final String PATH_PROPERTY = "phoenix.cdktf.path";

  private static final String PACKAGE = "dev.phoenix.synth.cdktf.";
  private static final String ENGINE = PACKAGE + "CdktfEngine";

  static {
    registerAsParallelCapable();
  }

  private static SynthEngine engine;

  private EngineLoader(URL[] urls, ClassLoader parent) {
    super("phoenix-synth-engine", urls, parent);
  }

  /** The engine of this JVM: one, since jsii runs one Node process per JVM. */
  static synchronized SynthEngine engine() throws SynthException {
    if (engine == null) {
      engine = load(System.getProperty(PATH_PROPERTY, ""));
    }
    return engine;
  }

  /** A new engine in a new loader whose CDKTF jars are {@code cdktfPath} (empty: the parent's). */
  static SynthEngine load(String cdktfPath) throws SynthException {
    List<URL> urls = new ArrayList<>();
    urls.add(url(ownLocation()));
    List<String> missing = new ArrayList<>();
    for (String entry : cdktfPath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path jar = Path.of(entry);
      if (Files.isRegularFile(jar)) {
        urls.add(url(jar));
      } else {
        missing.add(entry);
      }
    }
    if (!missing.isEmpty()) {
      throw new SynthException("CDKTF's jars are missing: " + String.join(", ", missing)
          + " (named by -D" + PATH_PROPERTY + "); reinstall Phoenix's distribution, whose lib/cdktf/ holds them");
    }
    EngineLoader loader = new EngineLoader(urls.toArray(URL[]::new), EngineLoader.class.getClassLoader());
    try {
      return (SynthEngine) Class.forName(ENGINE, true, loader).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new SynthException("cannot load the synthesis engine (CDKTF): " + e
          + (cdktfPath.isBlank() ? "; CDKTF is not on the class path and -D" + PATH_PROPERTY + " is not set" : ""), e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(PACKAGE)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private static Path ownLocation() throws SynthException {
    try {
      return Path.of(EngineLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      throw new SynthException("cannot locate Phoenix's own classes to load the synthesis engine: " + e, e);
    }
  }

  private static URL url(Path path) throws SynthException {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new SynthException("cannot load the synthesis engine from " + path + ": " + e.getMessage(), e);
    }
  }
}
