package dev.phoenix.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A target whose stacks are {@code terraform_data} only (no provider download): one stack per
 * blueprint, each member a resource whose input is its artefact's pinned reference. Options:
 * {@code gate} — the functions stack's resource fails on apply unless it is {@code ok} (default);
 * {@code provider} — when set, every stack also requires that provider source (to make init fail).
 */
final class TerraformDataTarget implements Target {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "tfdata";
  }

  @Override
  public Prepared synthesize(Resolved resolved, TargetContext context) {
    List<Prepared.PreparedStack> stacks = new ArrayList<>();
    for (Stack stack : resolved.estate().stacks()) {
      Path dir = context.outDir().resolve("stacks").resolve(stack.name());
      ObjectNode root = JSON.createObjectNode();
      context.settings().get("provider").ifPresent(source -> root.putObject("terraform")
          .putObject("required_providers").putObject("unreachable").put("source", source));
      ObjectNode resources = root.putObject("resource").putObject("terraform_data");
      stack.services().forEach(s -> resources.putObject(s.name()).put("input", pinned(resolved, s.artefact())));
      for (Stack.Function f : stack.functions()) {
        ObjectNode r = resources.putObject(f.name());
        r.put("input", context.settings().get("gate").orElse("ok"));
        r.putArray("provisioner").addObject().putObject("local-exec")
            .put("command", "test '${self.input}' = ok || { echo gate " + f.name() + " is closed >&2; exit 7; }");
      }
      try {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      stacks.add(new Prepared.PreparedStack(stack.name(), dir));
    }
    return new Prepared(stacks, false, List.of(), List.of());
  }

  private static String pinned(Resolved resolved, String artefact) {
    Artefact a = resolved.estate().lockfile().artefacts().get(artefact);
    return a instanceof Artefact.ContainerImage c ? c.image().digestReference() : a.version();
  }

  @Override
  public Deployed deploy(Resolved resolved, Prepared prepared, TargetContext context) {
    return new TerraformDeployer().deploy(resolved, prepared, context);
  }
}
