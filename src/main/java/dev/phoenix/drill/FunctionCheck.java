package dev.phoenix.drill;

import dev.phoenix.core.PhoenixException;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fetches a Lambda package by versionId and checks its sha256 against the lockfile's. */
final class FunctionCheck {
  private FunctionCheck() {}

  static FunctionResult check(DrillPlan.FunctionPlan plan, PackageFetcher packages) {
    String uri = plan.s3().uri();
    String name = plan.function().name();
    try (InputStream in = new DigestInputStream(packages.open(plan.s3()), sha256())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      String actual = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
      if (!actual.equals(plan.s3().sha256())) {
        return new FunctionResult(plan.stack(), name, uri, actual, FunctionResult.FAILED,
            "sha256 " + actual + " differs from the locked " + plan.s3().sha256());
      }
      return new FunctionResult(plan.stack(), name, uri, actual, FunctionResult.AVAILABLE, null);
    } catch (IOException e) {
      return new FunctionResult(plan.stack(), name, uri, null, FunctionResult.FAILED, "read failed: " + e.getMessage());
    } catch (PhoenixException e) {
      if (e.kind() == PhoenixException.Kind.UNAVAILABLE) {
        throw e;
      }
      return new FunctionResult(plan.stack(), name, uri, null, FunctionResult.FAILED, e.getMessage());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
