package dev.phoenix.verify.bench;

import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scripts/bench-verify: (a) phoenix verify --all-envs --since 90d, (b) a sequential skopeo loop
 * over every reference of every revision, (c) the same over unique references, (d) wrk HEADing
 * the unique manifest URLs with keep-alive. Args: work dir, skopeo sample size.
 */
public final class BenchVerify {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int sample = Integer.parseInt(args[1]);
    Path phoenix = Path.of("scripts/phoenix").toAbsolutePath();
    try (LocalRegistry registry = LocalRegistry.start()) {
      long t0 = System.nanoTime();
      List<String> images = BenchData.pushImages(registry, 8);
      say("pushed %d images to %s in %.1f s", images.size(), registry.hostPort(), secs(t0));
      Path repo = work.resolve("repo");
      t0 = System.nanoTime();
      BenchData.history(repo, images, Instant.now());
      say("git history: %d days x %d environments in %.1f s", BenchData.DAYS, BenchData.ENVS.size(), secs(t0));
      List<String> all = new ArrayList<>();
      for (int day = 0; day < BenchData.DAYS; day++) {
        for (int e = 0; e < BenchData.ENVS.size(); e++) {
          BenchData.imagesOf(e, day).forEach(i -> all.add(images.get(i)));
        }
      }
      List<String> unique = new ArrayList<>(new LinkedHashSet<>(all));
      say("references: %d in all revisions, %d unique", all.size(), unique.size());

      List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", phoenix.toString(), "verify", "--repo",
          repo.toString(), "--all-envs", "--since", "90d", "--output", "json"));
      String extra = System.getenv().getOrDefault("BENCH_VERIFY_ARGS", "");
      if (!extra.isBlank()) {
        command.addAll(List.of(extra.trim().split("\\s+")));
      }
      String[] verify = command.toArray(String[]::new);
      // warm-up: the launcher's first run of a build lists its classes and dumps a class-data
      // archive in the background; later runs map it
      succeeded(Proc.run(work, verify), "warm-up run 1");
      Thread.sleep(5000);
      succeeded(Proc.run(work, verify), "warm-up run 2");
      int mark = registry.accessLog().size();
      Proc a = succeeded(Proc.run(work, verify), "(a)");
      List<String> log = registry.accessLog();
      log = log.subList(mark, log.size());
      say("(a) phoenix verify %s: exit %d (expected 0), %.2f s wall, %s s CPU, peak RSS %d MB; %s", extra, a.code(),
          a.seconds(), cpu(a.err()), rssMb(a.err()) / 1024, phases(a.out()));
      int once = 0;
      int other = 0;
      for (String ref : unique) {
        String path = "/manifests/" + ref.substring(ref.indexOf('@') + 1);
        long n = LocalRegistry.countRequests(log, "HEAD", path) + LocalRegistry.countRequests(log, "GET", path);
        if (n == 1) {
          once++;
        } else {
          other++;
        }
      }
      say("    registry access log: %d unique manifests requested exactly once, %d not (of %d log lines)",
          once, other, log.size());

      if (System.getenv("BENCH_VERIFY_HOLD") != null) { // keeps the registry and repository up for profiling
        say("holding: repo %s registry %s", repo, registry.hostPort());
        Thread.sleep(Long.parseLong(System.getenv("BENCH_VERIFY_HOLD")) * 1000);
      }
      double d = Wrk.timeFor(work, registry.hostPort(), unique);
      say("(d) wrk GET of the %d unique manifest URLs (keep-alive): %.2f s", unique.size(), d);
      say("    a/d = %.2f (a's in-process check phase / d = %.2f)", a.seconds() / d, checkingSeconds(a.out()) / d);
      if (sample == 0) {
        return;
      }
      List<String> sampleAll = sample(all, sample);
      double b = skopeo(work, sampleAll) * all.size() / sampleAll.size();
      say("(b) skopeo over every reference: %.1f s (a sample of %d timed, extrapolated to %d)", b, sampleAll.size(),
          all.size());
      List<String> sampleUnique = sample(unique, sample);
      double c = skopeo(work, sampleUnique) * unique.size() / sampleUnique.size();
      say("(c) skopeo over unique references: %.1f s (a sample of %d timed, extrapolated to %d)", c,
          sampleUnique.size(), unique.size());
      say("ratios: b/a = %.1fx faster, c/a = %.1fx faster, a/d = %.2f (a's in-process check phase / d = %.2f)",
          b / a.seconds(), c / a.seconds(), a.seconds() / d, checkingSeconds(a.out()) / d);
    }
  }

  /** A run that failed measures nothing worth printing: the benchmark stops and says why. */
  static Proc succeeded(Proc p, String which) {
    if (p.code() != 0) {
      String err = p.err();
      throw new IllegalStateException("bench-verify: phoenix verify " + which + " exited " + p.code()
          + " (expected 0), so its time would mean nothing; benchmark stopped.\n--- stdout (end)\n"
          + tail(p.out()) + "\n--- stderr (end)\n" + tail(err));
    }
    return p;
  }

  private static String tail(String s) {
    return s.length() <= 2000 ? s : "…" + s.substring(s.length() - 2000);
  }

  static double skopeo(Path work, List<String> refs) throws Exception {
    long t0 = System.nanoTime();
    for (String ref : refs) {
      Proc p = Proc.run(work, "skopeo", "inspect", "--tls-verify=false", "docker://" + ref);
      if (p.code() != 0) {
        throw new IllegalStateException("skopeo failed for " + ref + ": " + p.err());
      }
    }
    return secs(t0);
  }

  static List<String> sample(List<String> list, int n) {
    if (list.size() <= n) {
      return list;
    }
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.shuffle(copy, new Random(42));
    return copy.subList(0, n);
  }

  static long rssMb(String timeOutput) {
    Matcher m = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(timeOutput);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  static String cpu(String timeOutput) {
    Matcher u = Pattern.compile("User time \\(seconds\\): ([0-9.]+)").matcher(timeOutput);
    Matcher s = Pattern.compile("System time \\(seconds\\): ([0-9.]+)").matcher(timeOutput);
    return (u.find() ? u.group(1) : "?") + " user + " + (s.find() ? s.group(1) : "?") + " sys";
  }

  static String phases(String json) {
    return "in process " + field(json, "durationMs") + " ms (reading history " + field(json, "readingMs")
        + " ms, checking " + field(json, "checkingMs") + " ms), exit code in JSON " + field(json, "exitCode");
  }

  static double checkingSeconds(String json) {
    return Long.parseLong(field(json, "checkingMs")) / 1000.0;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\" : (\\d+)").matcher(json);
    return m.find() ? m.group(1) : "?";
  }

  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  static void write(Path file, List<String> lines) throws java.io.IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
