package dev.phoenix.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Status;
import org.junit.jupiter.api.Test;

class S3ChecksumsTest {
  // sha256("hello")
  private static final String HELLO_B64 = "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  private static final String HELLO_HEX = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @Test
  void aFullObjectChecksumIsReadAsHex() {
    assertThat(S3Checksums.fullObjectSha256Hex(HELLO_B64, null, "\"5d41402abc4b2a76b9719d911017c592\""))
        .contains(HELLO_HEX);
    assertThat(S3Checksums.fullObjectSha256Hex(HELLO_B64, "FULL_OBJECT", "\"abc-3\"")).contains(HELLO_HEX);
  }

  @Test
  void compositeOrAbsentChecksumsAreNotFullObjectDigests() {
    assertThat(S3Checksums.fullObjectSha256Hex(null, null, "\"x\"")).isEmpty();
    assertThat(S3Checksums.fullObjectSha256Hex(HELLO_B64 + "-2", null, "\"x\"")).isEmpty();
    assertThat(S3Checksums.fullObjectSha256Hex(HELLO_B64, "COMPOSITE", "\"x\"")).isEmpty();
    assertThat(S3Checksums.fullObjectSha256Hex(HELLO_B64, null, "\"e5a8c5272b26fc10581a21089559b006-2\"")).isEmpty();
    assertThat(S3Checksums.fullObjectSha256Hex("AAAA", null, "\"x\"")).isEmpty();
    assertThat(S3Checksums.fullObjectSha256Hex("not base64!", null, "\"x\"")).isEmpty();
  }

  @Test
  void comparisonIsCaseInsensitiveOnThePinAndNamesBothDigests() {
    assertThat(S3Checker.compare(HELLO_HEX, HELLO_HEX.toUpperCase(), "stored").status()).isEqualTo(Status.OK);
    var corrupt = S3Checker.compare(HELLO_HEX, "0".repeat(64), "stored SHA-256 checksum");
    assertThat(corrupt.status()).isEqualTo(Status.CORRUPT);
    assertThat(corrupt.reason()).contains(HELLO_HEX, "0".repeat(64));
  }

  @Test
  void missingReasonsSayWhatIsGone() {
    assertThat(S3Checker.missingReason("MethodNotAllowed")).contains("delete marker");
    assertThat(S3Checker.missingReason("NoSuchBucket")).contains("bucket");
    assertThat(S3Checker.missingReason("")).contains("404");
  }
}
