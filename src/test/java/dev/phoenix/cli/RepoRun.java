package dev.phoenix.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process against one repository directory (--repo DIR appended). */
record RepoRun(int code, String out, String err) {
  static RepoRun in(Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--repo");
    all.add(dir.toString());
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new RepoRun(code, out.toString(), err.toString());
  }
}
