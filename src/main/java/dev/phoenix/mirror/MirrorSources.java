package dev.phoenix.mirror;

import dev.phoenix.check.Ref;
import dev.phoenix.core.Problem;
import dev.phoenix.git.GitRepository;
import dev.phoenix.verify.EnvRevision;
import dev.phoenix.verify.Revisions;
import dev.phoenix.verify.VerifyWindow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every reference of every lockfile revision in a window, oldest revision first, each once. The one
 * place a mirror run walks history: it uses verify's walk ({@link Revisions}), which the history
 * package is about to own.
 */
public record MirrorSources(int revisions, List<Ref> refs, List<Problem> problems) {

  public static MirrorSources of(GitRepository git, String environment, VerifyWindow window) {
    List<EnvRevision> revisions = new Revisions(git).of(environment, window);
    Set<Ref> refs = new LinkedHashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (EnvRevision r : revisions) {
      refs.addAll(r.refs().keySet());
      problems.addAll(r.problems());
    }
    return new MirrorSources(revisions.size(), List.copyOf(refs), List.copyOf(problems));
  }
}
