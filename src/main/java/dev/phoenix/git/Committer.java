package dev.phoenix.git;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/** Commits given working-tree files, and only those, to the current branch. */
final class Committer {
  private static final Pattern AUTHOR = Pattern.compile("\\s*(.+?)\\s*<([^>]+)>\\s*");

  private Committer() {}

  static CommitInfo commit(Repository repository, List<String> paths, String message, String author) {
    if (repository.isBare()) {
      throw new GitException("cannot commit in a bare repository", "run phoenix in a checkout");
    }
    try (Git git = new Git(repository)) {
      var add = git.add();
      paths.forEach(add::addFilepattern);
      add.call();
      CommitCommand commit = git.commit().setMessage(message).setAllowEmpty(false);
      paths.forEach(commit::setOnly);
      PersonIdent who = ident(repository, author);
      if (who != null) {
        commit.setAuthor(who).setCommitter(who);
      }
      RevCommit c = commit.call();
      return GitRepository.info(c);
    } catch (GitAPIException | RuntimeException e) {
      throw new GitException("could not commit " + String.join(", ", paths) + ": " + e.getMessage(),
          "check the repository state (git status); the file itself was written");
    }
  }

  /** "Name <email>", else the repository's user.name/user.email, else Phoenix itself. */
  private static PersonIdent ident(Repository repository, String author) {
    if (author != null && !author.isBlank()) {
      Matcher m = AUTHOR.matcher(author);
      if (!m.matches()) {
        throw new GitException("author '" + author + "' is not of the form Name <email>",
            "write e.g. --author 'CI <ci@example.com>'");
      }
      return new PersonIdent(m.group(1), m.group(2));
    }
    var config = repository.getConfig();
    if (config.getString("user", null, "name") == null || config.getString("user", null, "email") == null) {
      return new PersonIdent("phoenix", "phoenix@localhost");
    }
    return null;
  }
}
