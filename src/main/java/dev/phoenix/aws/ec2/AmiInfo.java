package dev.phoenix.aws.ec2;

import java.time.Instant;

/** What DescribeImages says about one AMI; {@code deprecationTime} null when none is set. */
public record AmiInfo(String amiId, String region, String state, String name, Instant deprecationTime) {}
