package dev.phoenix.protect.report;

import dev.phoenix.protect.Action;
import dev.phoenix.aws.ecr.EcrRule;
import dev.phoenix.protect.ProtectResult;
import dev.phoenix.aws.ec2.RecycleBinRule;
import dev.phoenix.report.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A protect run as text for a person and as JSON for a script (docs/json.md). */
public final class ProtectReport {
  private ProtectReport() {}

  public static String text(ProtectResult r) {
    StringBuilder b = new StringBuilder();
    line(b, "protect " + r.environment() + ": " + r.window().revisions().size() + " revisions since " + r.since() + ", "
        + r.window().wanted().size() + " references, " + r.plan().alreadyProtected() + " already protected");
    r.actions().forEach(a -> line(b, "  " + a.render()));
    long changes = r.changes();
    line(b, r.applied() ? "applied " + changes + " change(s)" + (r.failed() ? "; some failed (x)" : "")
        : changes == 0 ? "nothing to change" : "dry run: " + changes + " change(s) listed, none made; run again with --yes to apply");
    if (r.images()) {
      line(b, "ECR: so lifecycle rules never expire protected images, add this rule (all other rules need a higher rulePriority):");
      line(b, EcrRule.json());
    }
    if (r.amis()) {
      line(b, "EC2: an image tag does not stop a deregistration; so a deregistered protected image stays restorable"
          + " for the window, add this Recycle Bin rule (and one for EBS_SNAPSHOT if its snapshots may go too):");
      line(b, RecycleBinRule.command(r.environment(), r.days()));
    }
    return b.toString();
  }

  public static String json(ProtectResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environment", r.environment());
    m.put("since", r.since().toString());
    m.put("revisions", r.window().revisions().size());
    m.put("references", r.window().wanted().size());
    m.put("alreadyProtected", r.plan().alreadyProtected());
    m.put("applied", r.applied());
    m.put("actions", actions(r.actions()));
    m.put("ecrLifecycleRule", r.images() ? EcrRule.json() : null);
    m.put("recycleBinRule", r.amis() ? RecycleBinRule.command(r.environment(), r.days()) : null);
    return Json.write(m) + System.lineSeparator();
  }

  private static List<Object> actions(List<Action> actions) {
    return actions.stream().<Object>map(a -> Map.of("kind", a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        "ref", a.ref().id(), "mark", a.mark() == null ? "" : a.mark(), "reason", a.reason())).toList();
  }

  private static void line(StringBuilder b, String text) {
    b.append(text).append(System.lineSeparator());
  }
}
