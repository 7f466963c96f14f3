package dev.phoenix.aws.ec2;

import dev.phoenix.aws.AwsException;

/** For {@code lock}: that an AMI exists in its region, with its state and deprecation time. */
public final class AmiPins {
  private final Ec2Service service;

  AmiPins(Ec2Service service) {
    this.service = service;
  }

  /** Throws an INPUT error when EC2 has no such AMI in {@code region}. */
  public AmiInfo describe(String amiId, String region) {
    AmiLookup.Result r = service.lookup(region).lookup(java.util.List.of(amiId));
    AmiInfo info = r.found().get(amiId);
    if (info == null) {
      throw AwsException.input("no AMI " + amiId + " in " + region, "check the AMI id and its region");
    }
    return info;
  }
}
