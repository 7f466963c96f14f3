package dev.phoenix.verify;

import dev.phoenix.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process {@code phoenix verify} run: exit code, stdout, stderr. */
record VerifyRun(int code, String out, String err) {
  static VerifyRun of(Path repo, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("verify", "--repo", repo.toString()));
    all.addAll(List.of(args));
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new VerifyRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
