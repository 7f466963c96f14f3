package dev.phoenix.registry;

/**
 * A secret for one registry. {@link #toString()} never shows it. {@link Basic} is answered to a
 * Basic challenge and sent to a bearer-token realm; {@link Token} is an identity/refresh-free token
 * sent as {@code Authorization: Bearer} as is (no token exchange).
 */
public sealed interface RegistryCredential permits RegistryCredential.Basic, RegistryCredential.Token {

  record Basic(String username, String password) implements RegistryCredential {
    @Override
    public String toString() {
      return "Basic[" + username + ", ****]";
    }
  }

  record Token(String token) implements RegistryCredential {
    @Override
    public String toString() {
      return "Token[****]";
    }
  }
}
