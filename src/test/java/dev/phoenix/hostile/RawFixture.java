package dev.phoenix.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** A real Git repository whose files are written byte for byte (binary, not UTF-8, huge) and committed at given times. */
final class RawFixture implements AutoCloseable {
  private final Git git;
  private final Path dir;

  private RawFixture(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static RawFixture init(Path dir) {
    try {
      return new RawFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  RawFixture put(String path, byte[] content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RawFixture put(String path, String content) {
    return put(path, content.getBytes(StandardCharsets.UTF_8));
  }

  String commit(Instant at, String message) {
    try {
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Ada Ops", "ada@example.com", at, ZoneOffset.UTC);
      return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getName();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** good (now-20d) → {@code bad} bytes as the lockfile (now-10d) → fixed, with a config change (now-5d). */
  static String[] history(Path dir, String env, byte[] bad, Instant now) {
    String path = TinyEstate.lockPath(env);
    try (RawFixture repo = init(dir)) {
      repo.put(TinyEstate.STACK_PATH, TinyEstate.STACK).put(path, TinyEstate.lock(env, ""));
      String good = repo.commit(now.minus(Duration.ofDays(20)), "good");
      repo.put(path, bad);
      String broken = repo.commit(now.minus(Duration.ofDays(10)), "unreadable");
      repo.put(path, TinyEstate.lock(env, "    LOG_LEVEL: {value: info}\n"));
      String fixed = repo.commit(now.minus(Duration.ofDays(5)), "fixed");
      return new String[] {good, broken, fixed};
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
