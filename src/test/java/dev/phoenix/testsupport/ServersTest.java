package dev.phoenix.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServersTest {

  @Test
  void missingBinaryFailsWithTheBinaryNameAndTheFix() {
    String ciNote = Servers.isCi() ? " CI=true: integration tests never skip a missing server." : "";

    assertThatThrownBy(() -> Servers.requireBinary("phoenix-no-such-binary", "a test server"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Required binary 'phoenix-no-such-binary' (for a test server) was not found on PATH."
                + " Run scripts/ensure-tools to install and start the test tools."
                + ciNote);
  }

  @Test
  void findsBinariesOnPath() {
    assertThat(Servers.requireBinary("sh", "a shell")).isAbsolute().isExecutable();
  }

  @Test
  void freeLoopbackPortCanBeBound() throws Exception {
    int port = Servers.freeLoopbackPort();

    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void projectRootHoldsTheScripts() {
    assertThat(Servers.projectRoot().resolve("scripts/lib/test-image.sh")).isExecutable();
  }

  @Test
  void syntheticLayerIsDeterministicAndAValidTar() {
    SyntheticLayer a = SyntheticLayer.of("hello".getBytes(StandardCharsets.UTF_8));
    SyntheticLayer b = SyntheticLayer.of("hello".getBytes(StandardCharsets.UTF_8));

    assertThat(a).isEqualTo(b);
    assertThat(a.digest()).isEqualTo(b.digest()).isNotEqualTo(a.diffId());
    assertThat(a.tar()).hasSize(512 + 512 + 1024);
    assertThat(new String(a.tar(), 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
    assertThat(new String(a.tar(), 512, 5, StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(SyntheticLayer.of("other".getBytes(StandardCharsets.UTF_8)).digest()).isNotEqualTo(a.digest());
  }
}
