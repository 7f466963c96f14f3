package dev.phoenix.model;

import dev.phoenix.core.PhoenixException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names that become paths, container names and cloud resource names, each with its one rule,
 * checked before any path is built from it (docs/security.md). A rule is the narrowest of what
 * every target accepts, so a name that validates is a name rebuild can use.
 */
public enum NameRules {
  /** {@code environments/<env>/}, drill records, locks, Docker labels, protection marks. */
  ENVIRONMENT("environment", "[a-z0-9][a-z0-9-]{0,39}",
      "1 to 40 lowercase letters, digits and '-', starting with a letter or digit"),
  /** {@code stacks/<name>.yaml}, a Terraform stack directory. */
  STACK("stack", "[a-z][a-z0-9-]{0,39}",
      "1 to 40 lowercase letters, digits and '-', starting with a letter ('network' is reserved)"),
  /** A service or function: a container name, a cloud resource name. */
  MEMBER("service or function", "[a-z][a-z0-9-]{0,39}",
      "1 to 40 lowercase letters, digits and '-', starting with a letter"),
  /** An artefact in a lockfile. */
  ARTEFACT("artefact", "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?",
      "1 to 64 lowercase letters, digits and '-', not starting or ending with '-'");

  /** The stack name the AWS target keeps for its shared network. */
  public static final String RESERVED_STACK = "network";

  private final String what;
  private final Pattern pattern;
  private final String rule;

  NameRules(String what, String pattern, String rule) {
    this.what = what;
    this.pattern = Pattern.compile(pattern);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }

  public boolean accepts(String name) {
    return name != null && pattern.matcher(name).matches() && !(this == STACK && RESERVED_STACK.equals(name));
  }

  /** What is wrong with the name, without repeating more of it than a person can read; empty when it is fine. */
  public Optional<String> problem(String name) {
    if (accepts(name)) {
      return Optional.empty();
    }
    if (this == STACK && RESERVED_STACK.equals(name)) {
      return Optional.of("stack name 'network' is reserved for the shared network stack");
    }
    return Optional.of(what + " name " + quoted(name) + " is not allowed: use " + rule);
  }

  /** The name itself, or an INPUT error naming where it came from (e.g. "--env") and the rule. */
  public String require(String name, String where) {
    Optional<String> problem = problem(name);
    if (problem.isPresent()) {
      throw PhoenixException.input(where + ": " + problem.get(),
          "names become paths and resource names, so only this shape is accepted");
    }
    return name;
  }

  /** A name for a message: quoted, control characters shown as '?', cut at 60 characters. */
  public static String quoted(String name) {
    if (name == null) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder("'");
    name.codePoints().limit(60).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.append(name.codePointCount(0, name.length()) > 60 ? "…'" : "'").toString();
  }
}
