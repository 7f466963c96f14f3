package dev.phoenix.synth;

import com.hashicorp.cdktf.DataTerraformRemoteStateLocal;
import com.hashicorp.cdktf.DataTerraformRemoteStateLocalConfig;
import com.hashicorp.cdktf.DataTerraformRemoteStateS3;
import com.hashicorp.cdktf.DataTerraformRemoteStateS3Config;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import java.nio.file.Path;

/** Backend of each stack and the remote-state data source that reads another stack's outputs. */
final class Backends {

  private final StateBackend backend;
  private final Path localDir;

  Backends(StateBackend backend, Path outDir) {
    this.backend = backend;
    this.localDir =
        backend instanceof StateBackend.Local local
            ? local.dir().orElse(outDir.resolve("state"))
            : null;
  }

  /** The local state directory, or null for a remote backend. */
  Path localDir() {
    return localDir;
  }

  void attach(TerraformStack stack, String name) {
    if (backend instanceof StateBackend.S3 s3) {
      new S3Backend(
          stack,
          S3BackendConfig.builder()
              .bucket(s3.bucket())
              .key(s3.keyOf(name))
              .region(s3.region())
              .dynamodbTable(s3.dynamodbTable())
              .encrypt(true)
              .build());
    } else {
      new LocalBackend(stack, LocalBackendConfig.builder().path(localPath(name)).build());
    }
  }

  /** A data source in {@code consumer} reading the outputs of stack {@code producer}. */
  TerraformRemoteState remoteState(TerraformStack consumer, String producer) {
    String id = "state_" + Names.tfId(producer);
    if (backend instanceof StateBackend.S3 s3) {
      return new DataTerraformRemoteStateS3(
          consumer,
          id,
          DataTerraformRemoteStateS3Config.builder()
              .bucket(s3.bucket())
              .key(s3.keyOf(producer))
              .region(s3.region())
              .build());
    }
    return new DataTerraformRemoteStateLocal(
        consumer,
        id,
        DataTerraformRemoteStateLocalConfig.builder().path(localPath(producer)).build());
  }

  private String localPath(String stack) {
    return localDir.resolve(stack + ".tfstate").toString();
  }
}
