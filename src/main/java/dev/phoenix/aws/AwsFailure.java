package dev.phoenix.aws;

import dev.phoenix.check.Finding;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A vendor failure reduced to what Phoenix decides on. NOT_FOUND only for the error codes the
 * calling adapter names (or HTTP 404 when it allows it): throttling, denial, time-outs and
 * unreachable endpoints are never NOT_FOUND, so they never become MISSING.
 *
 * <p>{@code detail} is the service's own message only when the caller said the request carried no
 * value (AWS validation errors can echo request values); otherwise it is empty.
 */
public record AwsFailure(Kind kind, String code, int httpStatus, String detail) {

  public enum Kind { NOT_FOUND, DENIED, THROTTLED, TIMEOUT, UNREACHABLE, INVALID, SERVICE }

  private static final Set<String> DENIED_CODES = Set.of(
      "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException",
      "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "SignatureDoesNotMatch",
      "AuthFailure", "InvalidAccessKeyId", "IncompleteSignature");

  /** Classifies {@code e}; {@code notFoundCodes} are the codes meaning "not there" for this call. */
  public static AwsFailure of(SdkException e, Set<String> notFoundCodes, boolean http404IsNotFound,
      boolean serviceMessageIsSafe) {
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
        || e instanceof AbortedException) {
      return new AwsFailure(Kind.TIMEOUT, "Timeout", 0, "");
    }
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null || s.awsErrorDetails().errorCode() == null
          ? "" : s.awsErrorDetails().errorCode();
      int status = s.statusCode();
      String detail = serviceMessageIsSafe && s.awsErrorDetails() != null
          && s.awsErrorDetails().errorMessage() != null ? s.awsErrorDetails().errorMessage() : "";
      return new AwsFailure(kindOf(s, code, status, notFoundCodes, http404IsNotFound), code, status, detail);
    }
    if (e instanceof SdkClientException) {
      if (e.getMessage() != null && e.getMessage().startsWith("Unable to load credentials")) {
        return new AwsFailure(Kind.DENIED, "NoCredentials", 0,
            "no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                + " or run where an instance or task role is available");
      }
      return new AwsFailure(Kind.UNREACHABLE, "ClientError", 0,
          serviceMessageIsSafe && e.getMessage() != null ? firstLine(e.getMessage()) : "");
    }
    return new AwsFailure(Kind.SERVICE, e.getClass().getSimpleName(), 0, "");
  }

  private static Kind kindOf(AwsServiceException s, String code, int status, Set<String> notFound,
      boolean http404IsNotFound) {
    if (s.isThrottlingException()) {
      return Kind.THROTTLED;
    }
    if (notFound.contains(code) || (http404IsNotFound && status == 404)) {
      return Kind.NOT_FOUND;
    }
    if (status == 403 || DENIED_CODES.contains(code)) {
      return Kind.DENIED;
    }
    if (status >= 500) {
      return Kind.SERVICE;
    }
    return status == 400 || code.toLowerCase(Locale.ROOT).contains("validation") ? Kind.INVALID : Kind.SERVICE;
  }

  /** Short, value-free text: {@code throttled after retries (ThrottlingException, HTTP 400)}. */
  public String describe() {
    String what = switch (kind) {
      case NOT_FOUND -> "not found";
      case DENIED -> "access denied";
      case THROTTLED -> "throttled after retries";
      case TIMEOUT -> "timed out";
      case UNREACHABLE -> "could not reach the service";
      case INVALID -> "request rejected";
      case SERVICE -> "service error";
    };
    String codes = code.isEmpty() ? "" : code + (httpStatus > 0 ? ", HTTP " + httpStatus : "");
    if (codes.isEmpty() && httpStatus > 0) {
      codes = "HTTP " + httpStatus;
    }
    return what + (codes.isEmpty() ? "" : " (" + codes + ")") + (detail.isEmpty() ? "" : ": " + detail);
  }

  /** The finding for a reference this failure stopped us from checking. */
  public Finding unknown(String what) {
    return Finding.unknown(what + ": " + describe());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
