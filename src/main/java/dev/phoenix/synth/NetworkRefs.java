package dev.phoenix.synth;

import com.hashicorp.cdktf.TerraformRemoteState;
import java.util.List;

/** Network stack outputs as read through remote state in a consuming stack (tokens, not copies). */
record NetworkRefs(
    String vpcId, List<String> privateSubnetIds, String serviceSecurityGroupId,
    String httpListenerArn, String clusterArn) {

  static NetworkRefs read(TerraformRemoteState network) {
    return new NetworkRefs(
        network.getString(NetworkStack.VPC_ID),
        network.getList(NetworkStack.PRIVATE_SUBNET_IDS),
        network.getString(NetworkStack.SERVICE_SECURITY_GROUP_ID),
        network.getString(NetworkStack.HTTP_LISTENER_ARN),
        network.getString(NetworkStack.CLUSTER_ARN));
  }
}
