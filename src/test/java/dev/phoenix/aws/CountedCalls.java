package dev.phoenix.aws;

import dev.phoenix.testsupport.MotoServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** An SDK client on the test's moto server that counts the requests it sends, per operation. */
public final class CountedCalls implements ExecutionInterceptor {
  private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

  /** A client built by {@code builder} on {@code moto}, counted here. */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, MotoServer moto) {
    return builder.region(Region.of(MotoServer.REGION))
        .endpointOverride(moto.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
        .overrideConfiguration(o -> o.addExecutionInterceptor(this))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    sent.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicInteger())
        .incrementAndGet();
  }

  /** Requests sent so far for {@code operation} (e.g. "GetParameterHistory"), retries included. */
  public int of(String operation) {
    AtomicInteger n = sent.get(operation);
    return n == null ? 0 : n.get();
  }
}
