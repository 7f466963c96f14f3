package dev.phoenix.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An engine executable found on disk.
 *
 * @param executable absolute path of the binary
 * @param flavor which engine it is, judged from the file name
 */
public record EngineBinary(Path executable, Flavor flavor) {

  /** OpenTofu is the first choice; Terraform is accepted as second choice. */
  public enum Flavor {
    OPENTOFU,
    TERRAFORM
  }

  public EngineBinary {
    Objects.requireNonNull(executable, "executable");
    Objects.requireNonNull(flavor, "flavor");
  }

  /** Judges the flavor from the file name: anything but {@code terraform*} counts as OpenTofu. */
  public static EngineBinary of(Path executable) {
    String name = executable.getFileName().toString();
    Flavor flavor = name.startsWith("terraform") ? Flavor.TERRAFORM : Flavor.OPENTOFU;
    return new EngineBinary(executable.toAbsolutePath(), flavor);
  }
}
