package dev.phoenix.verify.bench;

import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.verify.Lockfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark estate: {@value #IMAGES} synthetic images in {@value #REPOS} repositories of a local
 * registry, and a Git history of {@value #DAYS} daily revisions of {@value #ENVS}, each revision
 * pinning {@value #PER_REVISION} images (consecutive revisions share 28 of them).
 */
final class BenchData {
  static final int IMAGES = 2000;
  static final int REPOS = 20;
  static final int DAYS = 90;
  static final int PER_REVISION = 50;
  static final List<String> ENVS = List.of("prod", "staging", "dev");

  /** Full references ("127.0.0.1:PORT/bench/svc-07@sha256:…"), index = image number. */
  static List<String> pushImages(LocalRegistry registry, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        String repo = repo(n);
        return registry.reference(repo, registry.client()
            .pushSyntheticImage(repo, "v" + n, ("bench image " + n).getBytes(StandardCharsets.UTF_8)));
      }));
    }
    List<String> refs = new ArrayList<>();
    for (Future<String> f : futures) {
      refs.add(f.get());
    }
    pool.shutdown();
    return refs;
  }

  static String repo(int image) {
    return String.format("bench/svc-%02d", image % REPOS);
  }

  /** The images revision (env, day) pins, in lockfile order. */
  static List<Integer> imagesOf(int env, int day) {
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < PER_REVISION; j++) {
      out.add((day * 22 + env * 667 + j) % IMAGES);
    }
    return out;
  }

  /** One commit a day changing every environment, the oldest 90 days minus one hour ago; then git gc. */
  static void history(Path dir, List<String> refs, Instant now) {
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack());
    for (int day = 0; day < DAYS; day++) {
      for (int e = 0; e < ENVS.size(); e++) {
        Map<String, String> images = new LinkedHashMap<>();
        List<Integer> pinned = imagesOf(e, day);
        for (int j = 0; j < pinned.size(); j++) {
          images.put(j == 0 ? "app" : "svc-" + j, refs.get(pinned.get(j)));
        }
        git.put("environments/" + ENVS.get(e) + "/environment.lock.yaml",
            Lockfiles.lockfile(ENVS.get(e), images, "", ""));
      }
      git.commit(now.minus(Duration.ofDays(DAYS - day)).plus(Duration.ofHours(1)), "day " + day);
    }
    git.close();
    try { // a CI checkout is packed; GitFixture writes loose objects
      new ProcessBuilder("git", "-C", dir.toString(), "gc", "-q").inheritIO().start().waitFor();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
