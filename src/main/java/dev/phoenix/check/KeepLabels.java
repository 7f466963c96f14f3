package dev.phoenix.check;

import dev.phoenix.core.PhoenixException;

import java.util.regex.Pattern;

/**
 * The names Phoenix gives its protection marks (SSM labels, Secrets Manager staging labels, S3
 * tag keys): {@code phoenix-keep-<env>...}. Prune finds Phoenix's marks by this prefix only.
 */
public final class KeepLabels {
  public static final String PREFIX = "phoenix-keep-";
  private static final Pattern ENV = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private KeepLabels() {}

  /** {@code phoenix-keep-<env>}; env is 1-40 of lowercase letters, digits, '-' and '_'. */
  public static String forEnv(String env) {
    if (env == null || !ENV.matcher(env).matches()) {
      throw PhoenixException.input("environment name '" + env + "' cannot be used in a protection label",
          "use 1-40 lowercase letters, digits, '-' or '_', starting with a letter or digit");
    }
    return PREFIX + env;
  }

  public static boolean isPhoenix(String label) {
    return label != null && label.startsWith(PREFIX);
  }
}
