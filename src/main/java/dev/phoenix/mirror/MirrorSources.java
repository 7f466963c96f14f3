package dev.phoenix.mirror;

import dev.phoenix.check.Ref;
import dev.phoenix.core.Problem;
import dev.phoenix.git.GitRepository;
import dev.phoenix.model.Datastore;
import dev.phoenix.verify.EnvRevision;
import dev.phoenix.verify.Revisions;
import dev.phoenix.verify.VerifyWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every reference of every lockfile revision in a window, oldest revision first, each once, and the
 * datastores those revisions declare (the newest declaration of each name, as verify reads them).
 * The one place a mirror run walks history: it uses verify's walk ({@link Revisions}), which the
 * history package is about to own.
 */
public record MirrorSources(int revisions, List<Ref> refs, List<Problem> problems, List<Datastore> datastores) {

  public MirrorSources(int revisions, List<Ref> refs, List<Problem> problems) {
    this(revisions, refs, problems, List.of());
  }

  public static MirrorSources of(GitRepository git, String environment, VerifyWindow window) {
    List<EnvRevision> revisions = new Revisions(git).of(environment, window);
    Set<Ref> refs = new LinkedHashSet<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Datastore> datastores = new LinkedHashMap<>();
    for (EnvRevision r : revisions) {
      refs.addAll(r.refs().keySet());
      problems.addAll(r.problems());
    }
    revisions.forEach(r -> r.datastores().forEach(d -> datastores.put(d.name(), d))); // oldest first: newest wins
    return new MirrorSources(revisions.size(), List.copyOf(refs), List.copyOf(problems), List.copyOf(datastores.values()));
  }
}
