package dev.phoenix.synth.cdktf;

import java.util.List;

/**
 * What services need of the network part, as references to its resources in the same
 * configuration (tokens, not copies): known at plan time even in an empty account.
 */
record NetworkRefs(
    String vpcId, List<String> privateSubnetIds, String serviceSecurityGroupId,
    String httpListenerArn, String clusterArn) {}
