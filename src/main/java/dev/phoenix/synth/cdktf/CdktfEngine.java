package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.phoenix.core.Durations;
import dev.phoenix.synth.SynthEngine;
import dev.phoenix.synth.SynthException;
import dev.phoenix.synth.SynthRequest;
import dev.phoenix.synth.SynthResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.jsii.JsiiException;

/**
 * CDKTF behind {@link SynthEngine}: the only class outside this package's construct builders that
 * names CDKTF, created by reflection from its own class loader ({@code EngineLoader}). Every
 * CDKTF, jsii or Node failure leaves here as a {@link SynthException}, so no CDKTF type crosses
 * the class-loader boundary.
 */
public final class CdktfEngine implements SynthEngine {

  @Override
  public SynthResult.Timings synthesize(SynthRequest request, Path out) throws SynthException {
    long begin = System.nanoTime();
    // jsii looks up Jackson's modules through the context class loader: let it see this loader's
    // world (and the Node runtime's threads, started in here, inherit it)
    Thread thread = Thread.currentThread();
    ClassLoader caller = thread.getContextClassLoader();
    thread.setContextClassLoader(getClass().getClassLoader());
    try {
      Duration runtimeStart = JsiiRuntime.start();
      long constructBegin = System.nanoTime();
      App app = new App(AppConfig.builder().outdir(out.toString()).build());
      Backends backends = new Backends(request.target().backend(), out);
      AppStacks.build(app, request, backends);
      Duration construct = Durations.since(constructBegin);
      long synthBegin = System.nanoTime();
      app.synth();
      Duration synth = Durations.since(synthBegin);
      if (backends.localDir() != null) {
        Files.createDirectories(backends.localDir());
      }
      return new SynthResult.Timings(runtimeStart, construct, synth, Durations.since(begin));
    } catch (JsiiException e) {
      throw new SynthException("CDKTF synthesis failed: " + e.getMessage(), e);
    } catch (UncheckedIOException | LinkageError e) {
      throw new SynthException(
          "cannot start CDKTF's Node runtime (install Node.js 20+ on PATH or set JSII_NODE): "
              + e.getMessage(), e);
    } catch (IOException e) {
      throw new SynthException("cannot write synthesis to " + out + ": " + e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(caller);
    }
  }
}
