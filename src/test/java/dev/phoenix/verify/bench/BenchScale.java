package dev.phoenix.verify.bench;

import static dev.phoenix.verify.bench.BenchVerify.cpu;
import static dev.phoenix.verify.bench.BenchVerify.field;
import static dev.phoenix.verify.bench.BenchVerify.rssMb;
import static dev.phoenix.verify.bench.BenchVerify.say;
import static dev.phoenix.verify.bench.BenchVerify.secs;

import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.testsupport.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scripts/bench-verify-scale: issue 14's estate (scripts/lib/gen-estate.py) in a local registry and
 * moto; the first verify (cold read cache) against wrk over the unique manifests plus the SSM
 * listing calls; the second night (one new revision per environment) on the cache. Args: work dir,
 * then gen-estate.py's scale options (--services N --envs N --days N ...).
 */
public final class BenchScale {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    List<String> scale = List.of(args).subList(1, args.length);
    Path phoenix = Path.of("scripts/phoenix").toAbsolutePath();
    try (LocalRegistry registry = LocalRegistry.start(); MotoServer moto = MotoServer.start()) {
      Path repo = work.resolve("repo");
      Proc.ENV.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
      List<String> gen = new ArrayList<>(List.of("python3", "scripts/lib/gen-estate.py", "--registry",
          registry.hostPort(), "--moto", moto.endpoint().toString(), "--repo", repo.toString()));
      gen.addAll(scale);
      long t0 = System.nanoTime();
      Process g = new ProcessBuilder(gen).inheritIO().start();
      if (g.waitFor() != 0) {
        throw new IllegalStateException("gen-estate.py failed");
      }
      say("estate generated in %.1f s (%s)", secs(t0), String.join(" ", scale));
      List<String> estate = Files.readAllLines(work.resolve("estate.txt"), StandardCharsets.UTF_8);
      List<String> images = estate.stream().filter(l -> l.startsWith("image ")).map(l -> l.substring(6)).toList();
      List<String> params = estate.stream().filter(l -> l.startsWith("ssm ")).map(l -> l.substring(4)).toList();

      Path cache = work.resolve("cache");
      List<String> base = List.of(phoenix.toString(), "verify", "--repo", repo.toString(), "--all-envs",
          "--since", "400d", "--output", "json"); // AWS_ENDPOINT_URL: moto, set in the environment
      List<String> off = new ArrayList<>(base);
      off.addAll(List.of("--cache-dir", "off"));
      Proc warm = Proc.run(work, off.toArray(String[]::new)); // class-data archive for the launcher
      if (warm.code() > 1) {
        throw new IllegalStateException("verify failed:\n" + warm.err());
      }
      say("warm-up (no cache): exit %d, %.2f s; %s", warm.code(), warm.seconds(), BenchVerify.phases(warm.out()));
      Thread.sleep(5000);

      List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-v"));
      timed.addAll(base);
      timed.addAll(List.of("--cache-dir", cache.toString()));
      int mark = registry.accessLog().size();
      long motoMark = lines(moto.logFile());
      Proc first = Proc.run(work, timed.toArray(String[]::new));
      long firstMoto = lines(moto.logFile()) - motoMark;
      List<String> log = registry.accessLog();
      log = log.subList(mark, log.size());
      say("first run (cold cache): exit %d, %.2f s wall, %s s CPU, peak RSS %d MB; %s; %s", first.code(),
          first.seconds(), cpu(first.err()), rssMb(first.err()) / 1024, BenchVerify.phases(first.out()),
          counts(first.out()));
      int once = 0;
      int more = 0;
      int never = 0;
      for (String ref : images) {
        String path = "/manifests/" + ref.substring(ref.indexOf('@') + 1);
        long n = LocalRegistry.countRequests(log, "HEAD", path) + LocalRegistry.countRequests(log, "GET", path);
        if (n == 1) {
          once++;
        } else if (n > 1) {
          more++;
        } else {
          never++;
        }
      }
      // an image built and superseded before the window's first revision is pinned by none: never asked
      say("    registry access log: of %d images pushed, %d requested exactly once, %d more than once, %d never"
          + " (pinned by no revision)", images.size(), once, more, never);
      double d = Wrk.timeFor(work, registry.hostPort(), images);
      motoMark = lines(moto.logFile());
      double listing = ssmListing(work, moto, params);
      say("    moto requests: %d in the first run, %d for the baseline's listing of every parameter once (+1 warm-up)",
          firstMoto, lines(moto.logFile()) - motoMark);
      say("baseline: wrk GET of %d unique manifests %.2f s + %d SSM GetParameterHistory listings %.2f s = %.2f s",
          images.size(), d, params.size(), listing, d + listing);
      say("    first/baseline = %.2f (goal 1.5); first's check phase/baseline = %.2f", first.seconds() / (d + listing),
          Long.parseLong(field(first.out(), "checkingMs")) / 1000.0 / (d + listing));

      nextNight(work, repo, registry);
      Proc second = Proc.run(work, timed.toArray(String[]::new));
      say("second run (cache, one new revision per environment): exit %d, %.2f s wall, peak RSS %d MB; %s; %s",
          second.code(), second.seconds(), rssMb(second.err()) / 1024, BenchVerify.phases(second.out()),
          counts(second.out()));
      double ratio = Double.parseDouble(field(second.out(), "readingMs")) / Double.parseDouble(field(first.out(), "readingMs"));
      say("    second's reading / first's reading = %.3f (goal < 0.10)", ratio);
      List<String> today = new ArrayList<>(List.of(phoenix.toString(), "verify", "--repo", repo.toString(),
          "--all-envs", "--output", "json", "--cache-dir", cache.toString()));
      Proc head = Proc.run(work, today.toArray(String[]::new));
      say("that day's unique references alone (verify at HEAD): exit %d, %.2f s wall; %s; %s", head.code(),
          head.seconds(), BenchVerify.phases(head.out()), counts(head.out()));
      say("    second's checking / that day's checking = %.2f (goal 1.2); second wall / head wall = %.2f",
          Double.parseDouble(field(second.out(), "checkingMs")) / Math.max(1, Double.parseDouble(field(head.out(), "checkingMs"))),
          second.seconds() / head.seconds());
      // the same references asked by the peers alone: what checking the window costs at the stores' pace
      say("    second's checking / the baseline's requests for the window's unique references (wrk + SSM listings,"
          + " %.2f s) = %.2f", d + listing, Double.parseDouble(field(second.out(), "checkingMs")) / 1000.0 / (d + listing));
    }
  }

  /** One new build of svc-000 pushed and pinned in every environment, committed now. */
  static void nextNight(Path work, Path repo, LocalRegistry registry) throws Exception {
    String ref = registry.reference("bench/svc-000", registry.client()
        .pushSyntheticImage("bench/svc-000", "tonight", "tonight's build".getBytes(StandardCharsets.UTF_8)));
    Pattern image = Pattern.compile("(  svc-000:\\n(?:    .*\\n)*?    image: )\\S+");
    try (var envs = Files.list(repo.resolve("environments"))) {
      for (Path env : envs.toList()) {
        Path lock = env.resolve("environment.lock.yaml");
        String text = Files.readString(lock);
        Matcher m = image.matcher(text);
        if (!m.find()) {
          throw new IllegalStateException("no svc-000 image in " + lock);
        }
        Files.writeString(lock, text.substring(0, m.start()) + m.group(1) + ref + text.substring(m.end()));
        git(work, repo, "add", "-A");
        git(work, repo, "-c", "user.name=CI", "-c", "user.email=ci@example.com", "commit", "-q", "-m",
            env.getFileName() + ": tonight");
      }
    }
  }

  private static void git(Path work, Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Proc p = Proc.run(work, command.toArray(String[]::new));
    if (p.code() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + ": " + p.err());
    }
  }

  /** Seconds for one GetParameterHistory listing (all pages) per parameter, as boto3 does them, 8 at once. */
  static double ssmListing(Path work, MotoServer moto, List<String> params) throws Exception {
    Path names = work.resolve("params.txt");
    Files.write(names, params, StandardCharsets.UTF_8);
    String script = """
        import boto3, concurrent.futures, sys, time
        ssm = boto3.client("ssm", endpoint_url=sys.argv[1], region_name="us-east-1",
                           aws_access_key_id="testing", aws_secret_access_key="testing")
        names = open(sys.argv[2]).read().split()
        def listing(n):
            for _ in ssm.get_paginator("get_parameter_history").paginate(Name=n, PaginationConfig={"PageSize": 50}):
                pass
        listing(names[0])
        t = time.time()
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(listing, names))
        print("%.3f" % (time.time() - t))
        """;
    Proc p = Proc.run(work, "python3", "-c", script, moto.endpoint().toString(), names.toString());
    if (p.code() != 0) {
      throw new IllegalStateException("SSM listing failed: " + p.err());
    }
    return Double.parseDouble(p.out().trim());
  }

  /** Lines in moto's request log (one per request). */
  static long lines(Path log) throws java.io.IOException {
    try (var in = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return in.count();
    }
  }

  static String counts(String json) {
    return "revisions " + field(json, "revisions") + ", references " + field(json, "references") + ", unique "
        + field(json, "unique");
  }
}
