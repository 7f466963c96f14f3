package dev.phoenix.synth.cdktf;

import com.hashicorp.cdktf.Precondition;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_s3_bucket.DataAwsS3Bucket;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunctionEnvironment;
import dev.phoenix.synth.FunctionSpec;
import dev.phoenix.synth.Names;
import dev.phoenix.synth.Scope;
import dev.phoenix.synth.TargetOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One function: log group, role with a least-privilege policy, and the function itself whose code
 * is the exact S3 object version (with the lockfile's sha256 as {@code source_code_hash}), whose
 * timeout and memory come from the blueprint, and whose environment holds references, not values.
 * Lambda reads code only from a bucket of its own region: a precondition on the bucket's region
 * stops the plan with a clear message otherwise.
 */
final class FunctionConstructs {

  private FunctionConstructs() {}

  static void add(TerraformStack stack, TargetOptions target, FunctionSpec function) {
    String id = "fn_" + Names.tfId(function.name());
    String functionName = Names.scoped(target, function.name(), Names.ROLE_MAX);
    CloudwatchLogGroup logs =
        CloudwatchLogGroup.Builder.create(stack, id + "_logs")
            .name("/aws/lambda/" + functionName)
            .retentionInDays(ServiceConstructs.LOG_RETENTION_DAYS)
            .build();
    IamRole role = Roles.assumedBy(stack, id + "_role",
        Names.scoped(target, function.name() + "-fn", Names.ROLE_MAX), "lambda.amazonaws.com");
    IamRolePolicy policy =
        Roles.pinnedConfig(stack, id + "_policy", role, IamDocuments.function(function, logs.getArn()));
    DataAwsS3Bucket bucket =
        DataAwsS3Bucket.Builder.create(stack, id + "_code_bucket")
            .bucket(Names.literal(function.s3Bucket()))
            .build();
    LambdaFunction.Builder lambda =
        LambdaFunction.Builder.create(stack, id)
            .functionName(functionName)
            .role(role.getArn())
            .handler(Names.literal(function.handler()))
            .runtime(Names.literal(function.runtime()))
            .memorySize(function.memoryMb())
            .timeout(function.timeoutSeconds())
            .s3Bucket(Names.literal(function.s3Bucket()))
            .s3Key(Names.literal(function.s3Key()))
            .s3ObjectVersion(Names.literal(function.s3ObjectVersion()))
            .sourceCodeHash(function.sourceCodeHash())
            .tags(Map.of(Scope.ARTEFACT_VERSION_TAG, Names.literal(function.artefactVersion())))
            .lifecycle(
                TerraformResourceLifecycle.builder()
                    .precondition(
                        List.of(
                            Precondition.builder()
                                .condition(
                                    "${" + bucket.getFqn() + ".region == \""
                                        + target.region() + "\"}")
                                .errorMessage(
                                    "Lambda reads code only from a bucket in its own region: "
                                        + "function " + function.name() + " runs in "
                                        + target.region() + " but its package is in bucket "
                                        + Names.literal(function.s3Bucket())
                                        + " of another region. Copy the pinned object version "
                                        + "to a bucket in " + target.region()
                                        + " and lock that copy.")
                                .build()))
                    .build())
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
