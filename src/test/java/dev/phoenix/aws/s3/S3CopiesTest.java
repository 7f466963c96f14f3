package dev.phoenix.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.aws.AwsException;
import org.junit.jupiter.api.Test;

class S3CopiesTest {
  static final long MIB = 1024 * 1024;
  static final long GIB = 1024 * MIB;

  @Test
  void thePartSizeIsTheWantedOneUnlessTenThousandPartsWouldNotHoldTheObject() {
    assertThat(S3Copies.partSize(6 * GIB, 512 * MIB)).isEqualTo(512 * MIB);
    assertThat(S3Copies.partSize(12 * MIB, 5 * MIB)).isEqualTo(5 * MIB);
    // 5 TiB in 10,000 parts needs 525 MiB parts (whole MiB, rounded up)
    long fiveTib = 5 * 1024 * GIB;
    long part = S3Copies.partSize(fiveTib, 512 * MIB);
    assertThat(part).isEqualTo(525 * MIB);
    assertThat((fiveTib + part - 1) / part).isLessThanOrEqualTo(S3Copies.MAX_PARTS);
    assertThatThrownBy(() -> S3Copies.partSize(60_000 * GIB, 512 * MIB)).isInstanceOf(AwsException.class)
        .hasMessageContaining("does not fit into 10000 parts");
  }
}
