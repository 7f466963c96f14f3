package dev.phoenix.verify;

import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import java.util.List;

/** A reference, what the check found, and where it is used (usage names, commits). Value-free. */
public record RefUse(Ref ref, List<String> usages, Finding finding, List<String> commits) {

  /** "payments-api registry.example.com/payments/api@sha256:ab12… MISSING". */
  public String headline() {
    return String.join(", ", usages) + " " + ref.describe() + " " + finding.status();
  }
}
