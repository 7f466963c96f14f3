package dev.phoenix.verify.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A finished child process: exit code, wall time, stdout, stderr. */
record Proc(int code, double seconds, String out, String err) {
  /** Extra environment of every child (the benchmark's AWS endpoint). */
  static final java.util.Map<String, String> ENV = new java.util.concurrent.ConcurrentHashMap<>();

  static Proc run(Path work, String... command) throws Exception {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    long t0 = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(ENV);
    Process p = pb.start();
    int code = p.waitFor();
    double secs = (System.nanoTime() - t0) / 1e9;
    Proc result = new Proc(code, secs, Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
