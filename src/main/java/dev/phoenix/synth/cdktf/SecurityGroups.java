package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import dev.phoenix.synth.Names;
import dev.phoenix.synth.TargetOptions;
import java.util.List;

/**
 * Two groups: the load balancer accepts HTTP from anywhere; services accept TCP only from the load
 * balancer. Both may reach out (image pulls, SSM and Secrets Manager through the NAT gateway).
 */
record SecurityGroups(String loadBalancer, String services) {

  static SecurityGroups build(TerraformStack stack, TargetOptions target, String vpcId) {
    SecurityGroup alb =
        SecurityGroup.Builder.create(stack, "alb_sg")
            .name(Names.scoped(target, "alb", Names.LONG_MAX))
            .description("phoenix load balancer")
            .vpcId(vpcId)
            .ingress(List.of(ingress(80, 80, List.of("0.0.0.0/0"), List.of())))
            .egress(List.of(anywhere()))
            .build();
    SecurityGroup services =
        SecurityGroup.Builder.create(stack, "services_sg")
            .name(Names.scoped(target, "services", Names.LONG_MAX))
            .description("phoenix services, reachable from the load balancer only")
            .vpcId(vpcId)
            .ingress(List.of(ingress(0, 65535, List.of(), List.of(alb.getId()))))
            .egress(List.of(anywhere()))
            .build();
    return new SecurityGroups(alb.getId(), services.getId());
  }

  private static SecurityGroupIngress ingress(
      int from, int to, List<String> cidrs, List<String> groups) {
    return SecurityGroupIngress.builder()
        .protocol("tcp")
        .fromPort(from)
        .toPort(to)
        .cidrBlocks(cidrs)
        .securityGroups(groups)
        .ipv6CidrBlocks(List.of())
        .prefixListIds(List.of())
        .selfAttribute(false)
        .description("")
        .build();
  }

  private static SecurityGroupEgress anywhere() {
    return SecurityGroupEgress.builder()
        .protocol("-1")
        .fromPort(0)
        .toPort(0)
        .cidrBlocks(List.of("0.0.0.0/0"))
        .ipv6CidrBlocks(List.of())
        .prefixListIds(List.of())
        .securityGroups(List.of())
        .selfAttribute(false)
        .description("")
        .build();
  }
}
