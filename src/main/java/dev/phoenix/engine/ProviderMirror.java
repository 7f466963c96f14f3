package dev.phoenix.engine;

import dev.phoenix.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A provider filesystem mirror ({@code <dir>/<host>/<namespace>/<type>/<version>/<os_arch>/…}, as
 * {@code terraform providers mirror} lays it out) and the engine CLI configuration that installs
 * providers from it and from nowhere else. Terraform and OpenTofu read the same file through
 * {@code TF_CLI_CONFIG_FILE}; both find a provider whose source names the mirror's host, so
 * synthesized configurations name their providers fully qualified.
 *
 * @param dir absolute directory of the mirror
 */
public record ProviderMirror(Path dir) {

  /** The environment variable a machine sets to name its mirror. */
  public static final String ENV = "PHOENIX_PROVIDER_MIRROR";

  /** The file written into the rebuild's directory. */
  public static final String CONFIG_FILE = "phoenix-engine.tfrc";

  public ProviderMirror {
    dir = dir.toAbsolutePath().normalize();
  }

  /**
   * Checks that {@code dir} is a mirror: a directory holding at least one
   * {@code host/namespace/type} provider directory.
   *
   * @return the problem, or empty when it is one
   */
  public static java.util.Optional<String> problem(Path dir) {
    if (!Files.isDirectory(dir)) {
      return java.util.Optional.of(dir + " is not a directory");
    }
    if (providers(dir).isEmpty()) {
      return java.util.Optional.of(dir + " holds no provider (expected <host>/<namespace>/<type>/<version>/"
          + "<os_arch>/, e.g. registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/; made by"
          + " 'terraform providers mirror DIR')");
    }
    return java.util.Optional.empty();
  }

  /** {@code host/namespace/type} of every provider in the mirror, sorted. */
  public List<String> providers() {
    return providers(dir);
  }

  /**
   * Writes the CLI configuration into {@code directory} and returns the environment that makes
   * the engine read it.
   */
  public Map<String, String> writeConfig(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.toAbsolutePath().resolve(CONFIG_FILE);
    AtomicFiles.write(file, config());
    return Map.of("TF_CLI_CONFIG_FILE", file.toString());
  }

  /** Install every provider from the mirror only: no registry is asked. */
  String config() {
    return "# written by phoenix: providers come from this mirror only\n"
        + "provider_installation {\n"
        + "  filesystem_mirror {\n"
        + "    path = \"" + hcl(dir.toString()) + "\"\n"
        + "  }\n"
        + "}\n";
  }

  private static String hcl(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "$${").replace("%{", "%%{");
  }

  private static List<String> providers(Path dir) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> hosts = Files.list(dir)) {
      for (Path host : hosts.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> namespaces = Files.list(host)) {
          for (Path namespace : namespaces.filter(Files::isDirectory).sorted().toList()) {
            try (Stream<Path> types = Files.list(namespace)) {
              types.filter(Files::isDirectory).sorted().forEach(type ->
                  out.add(host.getFileName() + "/" + namespace.getFileName() + "/" + type.getFileName()));
            }
          }
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return out;
  }
}
