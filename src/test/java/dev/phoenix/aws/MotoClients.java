package dev.phoenix.aws;

import dev.phoenix.testsupport.MotoServer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An AWS adapter's integration-test fixture: the shared moto server, the Phoenix service under
 * test and a raw SDK client on it for seeding, opened before the class and closed after it; moto
 * is reset before every test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MotoClients<SsmService, SsmClient> AWS =
 *     new MotoClients<>(SsmService::connect, c -> AwsClients.build(SsmClient.builder(), c));
 * }</pre>
 */
public final class MotoClients<S extends AutoCloseable, C extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final Function<AwsConfig, S> service;
  private final Function<AwsConfig, C> raw;
  private MotoServer moto;
  private S openService;
  private C openRaw;

  public MotoClients(Function<AwsConfig, S> service, Function<AwsConfig, C> raw) {
    this.service = service;
    this.raw = raw;
  }

  public MotoServer moto() {
    return moto;
  }

  public S service() {
    return openService;
  }

  public C raw() {
    return openRaw;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    moto = MotoServer.shared();
    openService = service.apply(MotoAws.config(moto));
    openRaw = raw.apply(MotoAws.config(moto));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    moto.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    openRaw.close();
    openService.close();
    moto.close();
  }
}
