package dev.phoenix.lockwrite;

import dev.phoenix.core.AtomicFiles;
import dev.phoenix.core.FileLock;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import dev.phoenix.history.EstateDiff;
import dev.phoenix.lockfile.EstateFiles;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.NameRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The only way Phoenix changes a lockfile. Under an exclusive write lock it reads the file, plans
 * edits against what it holds now, applies them surgically to the text, and writes atomically
 * only when the result validates, reads back as exactly the intended model, and the file on disk
 * is still byte for byte what was read. Otherwise nothing is written.
 */
public final class LockfileWriter {
  private final Path root;
  private final Duration lockWait;
  private final String command;
  private final Consumer<String> notes;

  public LockfileWriter(Path root, Duration lockWait) {
    this(root, lockWait, "phoenix", line -> {});
  }

  /**
   * @param command what runs the writer (e.g. {@code phoenix attest}), for the write lock's owner record
   * @param notes hears a stale write lock (left by a process that has ended) being taken over
   */
  public LockfileWriter(Path root, Duration lockWait, String command, Consumer<String> notes) {
    this.root = root;
    this.lockWait = lockWait;
    this.command = command;
    this.notes = notes;
  }

  /** The write lock of {@code file}: {@code .<name>.writing} beside it, with its owner record. */
  public static Path writeLockOf(Path file) {
    return file.resolveSibling("." + file.getFileName() + ".writing");
  }

  /**
   * The exclusive right to write {@code file} (a lockfile, the mirror ledger): a {@link FileLock} on
   * {@link #writeLockOf}, waiting up to {@code wait} for another writer. A writer that is still
   * running makes this fail (UNAVAILABLE, exit 3, naming it); one that has ended is taken over.
   */
  public static FileLock writeLock(Path file, Duration wait, String command, Consumer<String> notes) {
    Path path = writeLockOf(file);
    try {
      return FileLock.acquire(path, command, wait, notes);
    } catch (FileLock.Held e) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE,
          "another Phoenix is writing " + file.getFileName() + " in " + file.getParent().getFileName()
              + " (" + e.who() + "); nothing was written",
          "run the command again (or pass --lock-wait 30s); if that Phoenix is no longer running on its host, delete "
              + path + " and " + FileLock.ownerRecordOf(path), e);
    }
  }

  /**
   * @param plan the edits to make, given the lockfile as it is now (may throw to refuse)
   * @param afterWrite run while still holding the lock, only when the file changed (e.g. a Git commit)
   */
  public WriteResult write(String env, Function<Lockfile, List<LockEdit>> plan, Consumer<WriteResult> afterWrite) {
    NameRules.ENVIRONMENT.require(env, "--env");
    String relative = Lockfile.path(env);
    Path file = root.resolve(relative);
    EstateFiles.Lookup found = new WorkingTreeFiles(root).lookup(relative);
    if (found.refusal().isPresent()) {
      throw PhoenixException.input(EstateFiles.refusedMessage(relative, found.refusal().get()) + "; nothing was written",
          "commit the lockfile itself in its place, inside the repository");
    }
    if (found.isAbsent()) {
      throw PhoenixException.input("environment " + env + " has no lockfile (" + relative + ")",
          "create it with apiVersion, kind: EnvironmentLock, environment and stacks (docs/lockfile.md)");
    }
    try (FileLock lock = writeLock(file, lockWait, command, notes)) {
      byte[] before = read(file);
      WorkingTreeFiles files = new WorkingTreeFiles(root);
      Lockfile current = valid(EstateReader.read(files, env), "the lockfile does not validate as it is");
      List<LockEdit> edits = plan.apply(current);
      LockText text = new LockText(BlockStyle.editable(new String(before, StandardCharsets.UTF_8)));
      Lockfile expected = current;
      for (LockEdit edit : edits) {
        text = edit.applyTo(text);
        expected = edit.applyTo(expected);
      }
      byte[] after = text.text().getBytes(StandardCharsets.UTF_8);
      if (Arrays.equals(before, after)) {
        return new WriteResult(env, relative, current, current, List.of(), false);
      }
      Lockfile written = valid(EstateReader.read(new OverlayFiles(files, relative, after), env),
          "the edited lockfile would not validate");
      if (!written.equals(expected)) {
        throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED,
            "the edited text of " + relative + " does not read back as the intended change; nothing was written",
            "this is a bug in Phoenix's lockfile writer: report it with the lockfile");
      }
      if (!Arrays.equals(sha256(before), sha256(read(file)))) {
        throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE,
            relative + " was changed by someone else while Phoenix was writing it; nothing was written",
            "run the command again: it will apply to the new content");
      }
      AtomicFiles.write(file, after);
      WriteResult result = new WriteResult(env, relative, current, written,
          EstateDiff.between(new Estate(current, List.of()), new Estate(written, List.of())), true);
      afterWrite.accept(result);
      return result;
    }
  }

  private static Lockfile valid(Parsed<Estate> estate, String what) {
    if (estate.value() != null && estate.problems().isEmpty()) {
      return estate.value().lockfile();
    }
    List<Problem> problems = estate.problems();
    StringBuilder message = new StringBuilder(what + "; nothing was written");
    problems.forEach(p -> message.append("\n  ").append(p.render()));
    throw PhoenixException.input(message.toString(), "fix the problems listed (phoenix validate shows them too)");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
