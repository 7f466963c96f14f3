package dev.phoenix.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Run in its own JVM by {@link StartupLookupsTest}: starts as {@link Main#main} does, runs {@code
 * --version}, asks SLF4J for a logger (JGit does so when a command opens a repository), then prints
 * each class path entry the application class loader has opened, one per line.
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    Main.lookNoFurther();
    StringWriter out = new StringWriter();
    if (Main.run(new PrintWriter(out), new PrintWriter(System.err), "--version") != 0) {
      throw new IllegalStateException("--version failed: " + out);
    }
    org.slf4j.LoggerFactory.getLogger(StartupProbe.class).info("probe");
    ClassLoader app = ClassLoader.getSystemClassLoader();
    Field ucpField = Class.forName("jdk.internal.loader.BuiltinClassLoader").getDeclaredField("ucp");
    ucpField.setAccessible(true);
    Object ucp = ucpField.get(app);
    Field lmap = ucp.getClass().getDeclaredField("lmap");
    lmap.setAccessible(true);
    synchronized (ucp) {
      for (Object url : ((Map<?, ?>) lmap.get(ucp)).keySet()) {
        System.out.println(url);
      }
    }
  }
}
