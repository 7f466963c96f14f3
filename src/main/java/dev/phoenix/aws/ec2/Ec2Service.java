package dev.phoenix.aws.ec2;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Phoenix's EC2 connections, one client per region on demand. Close when done. */
public final class Ec2Service implements AutoCloseable {
  private final AwsConfig config;
  private final Map<String, Ec2Client> clients = new ConcurrentHashMap<>();

  private Ec2Service(AwsConfig config) {
    this.config = config;
  }

  public static Ec2Service connect(AwsConfig config) {
    return new Ec2Service(config);
  }

  public AmiChecker checker() {
    return new AmiChecker(this);
  }

  public AmiTags tags() {
    return new AmiTags(this);
  }

  /** {@code phoenix protect}'s marks: a keep tag on the pinned machine image (any region). */
  public dev.phoenix.check.Keeper keeper() {
    return new AmiKeeper(tags());
  }

  public AmiPins pins() {
    return new AmiPins(this);
  }

  public AmiCopies copies() {
    return new AmiCopies(this);
  }

  AmiLookup lookup(String region) {
    String r = regionOrDefault(region);
    return new AmiLookup(client(r), r);
  }

  Ec2Client client(String region) {
    return clients.computeIfAbsent(regionOrDefault(region), r -> AwsClients.build(Ec2Client.builder(), config, r));
  }

  private volatile String defaultRegion;

  /** The SDK's region chain is asked once, when an AMI names no region (off EC2 it waits ~0.8 s). */
  private String regionOrDefault(String region) {
    if (region != null && !region.isBlank()) {
      return region;
    }
    String r = defaultRegion;
    if (r == null) {
      r = AwsClients.region(config);
      defaultRegion = r;
    }
    return r;
  }

  @Override
  public void close() {
    clients.values().forEach(Ec2Client::close);
    clients.clear();
  }
}
