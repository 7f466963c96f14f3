package dev.phoenix.aws.ssm;

/** Where {@link SsmParameters#putRebuildScoped} wrote: the parameter's ARN and new version. */
public record SsmPut(String arn, long version) {}
