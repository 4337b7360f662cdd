package io.github.hubsdk.emulator.internal.auth;

import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.state.Tokens.Token;
import java.util.List;

/**
 * Who a valid bearer JWT belongs to.
 *
 * @param username the user, or the organization of an organization access token or a SCIM token
 * @param kind how the JWT was obtained (never {@link Who#ANONYMOUS})
 * @param token the access token it was issued from, or null for a password login
 */
public record Caller(String username, Who kind, Token token) {

  private static final List<String> SCOPES = ApiRules.SCOPES;

  /**
   * Whether the caller's token grants {@code scope} (each scope implies the weaker ones); a password always
   * does; an organization access token as its resources grant it ({@code OatRules.grants}).
   */
  public boolean hasScope(String scope) {
    if (token == null) {
      return true;
    }
    if (token.organization) {
      return io.github.hubsdk.emulator.internal.OatRules.grants(token.resources, scope);
    }
    int needed = SCOPES.indexOf(scope);
    for (String s : token.scopes) {
      int have = SCOPES.indexOf(s);
      if (have >= 0 && have <= needed) {
        return true;
      }
    }
    return false;
  }

  /** An organization access token or SCIM token is never an owner; its name is the org's, so this is checked first. */
  public boolean isUser() {
    return kind != Who.OAT && kind != Who.SCIM;
  }
}
