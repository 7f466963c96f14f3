package dev.phoenix.cli;

import dev.phoenix.core.Version;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"phoenix " + Version.current()};
  }
}
