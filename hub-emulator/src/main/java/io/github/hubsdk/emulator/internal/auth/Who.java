package io.github.hubsdk.emulator.internal.auth;

/**
 * Who may call an operation, as declared on its handler: nobody at all (the logins), or a bearer JWT
 * issued from a password login, a personal access token or an organization access token, or an
 * organization's SCIM token.
 */
public enum Who {
  /** No credentials needed; a bearer, if sent, is ignored unless the operation also takes JWTs. */
  ANONYMOUS,
  /** A JWT from a password login (also after the second factor). */
  PASSWORD,
  /** A JWT from a login with a personal access token. */
  PAT,
  /** A JWT from a login with an organization access token. */
  OAT,
  /** The SCIM token of an organization's SSO connection (never a JWT); only the SCIM operations take it. */
  SCIM
}
