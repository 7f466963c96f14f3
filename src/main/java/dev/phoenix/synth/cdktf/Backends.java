package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import dev.phoenix.synth.Names;
import dev.phoenix.synth.StateBackend;
import dev.phoenix.synth.SynthRequest;
import dev.phoenix.synth.TargetOptions;
import java.nio.file.Path;

/**
 * The backend of the one configuration. Local: {@code <dir>/<name prefix>.tfstate} under the
 * rebuild's out dir, which holds one drill. S3: {@link Names#stateKey}, one key per environment and
 * drill, so neither two environments nor two drills of one environment share a state.
 */
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

  void attach(TerraformStack stack, TargetOptions target) {
    if (backend instanceof StateBackend.S3 s3) {
      new S3Backend(
          stack,
          S3BackendConfig.builder()
              .bucket(s3.bucket())
              .key(Names.stateKey(target, s3.keyPrefix(), SynthRequest.ROOT_STACK))
              .region(s3.region())
              .dynamodbTable(s3.dynamodbTable())
              .encrypt(true)
              .build());
    } else {
      new LocalBackend(stack, LocalBackendConfig.builder().path(localPath(target.namePrefix())).build());
    }
  }

  private String localPath(String stack) {
    return localDir.resolve(stack + ".tfstate").toString();
  }
}
