package dev.phoenix.synth;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ECS task role: what the application's own AWS SDK calls may do. Separate from the execution
 * role (image pull, logs, pinned configuration), and empty unless the blueprint says otherwise.
 *
 * @param managedPolicyArns IAM managed policies attached to the role (exact ARNs)
 */
public record TaskRole(List<String> managedPolicyArns) {

  public static final TaskRole NONE = new TaskRole(List.of());

  static final Pattern POLICY_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/[A-Za-z0-9+=,.@_/-]{1,512}");

  public TaskRole {
    managedPolicyArns = managedPolicyArns == null ? List.of() : managedPolicyArns;
    for (String arn : managedPolicyArns) {
      if (arn == null || !POLICY_ARN.matcher(arn).matches()) {
        throw new IllegalArgumentException("task role: not an IAM managed policy ARN: " + arn);
      }
    }
    managedPolicyArns = List.copyOf(new TreeSet<>(managedPolicyArns));
  }
}
