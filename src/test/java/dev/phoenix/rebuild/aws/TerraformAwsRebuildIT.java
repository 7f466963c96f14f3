package dev.phoenix.rebuild.aws;

import java.nio.file.Path;

/** {@link AwsRebuildContract} run by Terraform 1.11 (/usr/local/bin/terraform). */
class TerraformAwsRebuildIT extends AwsRebuildContract {

  TerraformAwsRebuildIT() throws Exception {
    super();
  }

  @Override
  Path engine() {
    return Path.of("/usr/local/bin/terraform");
  }
}
