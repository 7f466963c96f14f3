package dev.phoenix.synth;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunctionEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One function: log group, role with a least-privilege policy, and the function itself whose code
 * is the exact S3 object version and whose environment holds references, not values.
 */
final class FunctionConstructs {

  private FunctionConstructs() {}

  static void add(TerraformStack stack, TargetOptions target, FunctionSpec function) {
    String id = "fn_" + Names.tfId(function.name());
    String functionName = Names.fit(target.namePrefix() + "-" + function.name(), 64);
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(stack, id + "_logs")
            .name("/aws/lambda/" + functionName)
            .retentionInDays(ServiceConstructs.LOG_RETENTION_DAYS)
            .build();
    IamRole role =
        IamRole.Builder.create(stack, id + "_role")
            .name(Names.fit(functionName + "-fn", 64))
            .assumeRolePolicy(Policies.trust("lambda.amazonaws.com"))
            .build();
    IamRolePolicy policy =
        IamRolePolicy.Builder.create(stack, id + "_policy")
            .name("phoenix-pinned-config")
            .role(role.getId())
            .policy(Policies.function(function, logs.getArn()))
            .build();
    LambdaFunction.Builder lambda =
        LambdaFunction.Builder.create(stack, id)
            .functionName(functionName)
            .role(role.getArn())
            .handler(Names.literal(function.handler()))
            .runtime(Names.literal(function.runtime()))
            .memorySize(function.memoryMb())
            .s3Bucket(Names.literal(function.s3Bucket()))
            .s3Key(Names.literal(function.s3Key()))
            .s3ObjectVersion(Names.literal(function.s3ObjectVersion()))
            .dependsOn(List.of(logs, policy));
    if (!function.env().isEmpty()) {
      Map<String, String> variables = new LinkedHashMap<>();
      function.env().forEach((name, value) -> variables.put(name, Names.literal(value)));
      lambda.environment(LambdaFunctionEnvironment.builder().variables(variables).build());
    }
    LambdaFunction built = lambda.build();
    TerraformOutput.Builder.create(stack, id + "_arn").value(built.getArn()).build();
  }
}
