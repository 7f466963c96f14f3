package dev.phoenix.aws.lambda;

import dev.phoenix.aws.AwsClients;
import dev.phoenix.aws.AwsConfig;
import dev.phoenix.aws.AwsException;
import dev.phoenix.aws.AwsFailure;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** Phoenix's one Lambda connection: reads which code a function runs (for {@code phoenix drift}). Close when done. */
public final class LambdaService implements AutoCloseable {
  private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException");
  private final LambdaClient lambda;

  private LambdaService(LambdaClient lambda) {
    this.lambda = lambda;
  }

  public static LambdaService connect(AwsConfig config) {
    return new LambdaService(AwsClients.build(LambdaClient.builder(), config));
  }

  /**
   * The SHA-256 of the function's deployment package, hex (Lambda's {@code CodeSha256} is its
   * base64), or empty when no function has that name.
   */
  public Optional<String> codeSha256(String functionName) {
    try {
      FunctionConfiguration c = lambda.getFunction(b -> b.functionName(functionName)).configuration();
      return Optional.of(hex(c.codeSha256()));
    } catch (SdkException e) {
      AwsFailure f = AwsFailure.of(e, NOT_FOUND, false, true);
      if (f.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw new AwsException("GetFunction " + functionName, f, "check the region, credentials and lambda:GetFunction");
    }
  }

  /** The names of the functions whose name starts with {@code prefix}. */
  public List<String> functionNames(String prefix) {
    try {
      List<String> out = new ArrayList<>();
      lambda.listFunctionsPaginator().forEach(p -> p.functions().stream().map(FunctionConfiguration::functionName)
          .filter(n -> n.startsWith(prefix)).forEach(out::add));
      return out;
    } catch (SdkException e) {
      throw new AwsException("ListFunctions", AwsFailure.of(e, Set.of(), false, true),
          "check the region, credentials and lambda:ListFunctions");
    }
  }

  /** Lambda's base64 {@code CodeSha256} as lowercase hex; a value that is not base64 is returned as given. */
  static String hex(String codeSha256) {
    try {
      return HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256));
    } catch (IllegalArgumentException e) {
      return codeSha256;
    }
  }

  @Override
  public void close() {
    lambda.close();
  }
}
