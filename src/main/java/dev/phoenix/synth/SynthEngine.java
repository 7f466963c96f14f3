package dev.phoenix.synth;

import java.nio.file.Path;

/**
 * The synthesis library behind {@link Synthesizer}: writes the Terraform JSON of a request into a
 * directory. The one implementation, {@code dev.phoenix.synth.cdktf.CdktfEngine}, runs CDKTF and
 * is loaded by {@link EngineLoader} in a class loader of its own, so that nothing else in Phoenix
 * can name a CDKTF class and no other command pays for CDKTF's jars.
 */
public interface SynthEngine {

  /**
   * Writes the request's configuration and CDKTF's manifest under {@code out} (which exists), and
   * creates the local state directory when the backend is local. Not thread-safe: {@link
   * Synthesizer} calls it under one lock.
   *
   * @return how long each phase took; {@code total} is the engine's own share
   */
  SynthResult.Timings synthesize(SynthRequest request, Path out) throws SynthException;
}
