package dev.phoenix.rebuild.aws;

import dev.phoenix.engine.EngineLocator;
import java.nio.file.Path;

/** {@link AwsRebuildContract} run by OpenTofu as scripts/ensure-tofu builds it. */
class TofuAwsRebuildIT extends AwsRebuildContract {

  TofuAwsRebuildIT() throws Exception {
    super();
  }

  @Override
  Path engine() {
    return new EngineLocator().cacheBin().resolve("tofu");
  }
}
