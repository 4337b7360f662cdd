package io.github.hubsdk.emulator.internal.server;

import java.util.List;

/**
 * Docker Hub's texts, in one place. Each text has two forms because Docker Hub answers in two voices: the
 * Django REST framework voice of {@code DetailError}/{@code FieldsError} answers ("This field may not be
 * blank.") and the terse voice of {@code TxnError}/{@code RpcStatus} answers ("authentication required").
 * The {@link ErrorDialect} picks the form that fits the schema it renders. Internal API.
 */
public final class Texts {

  private Texts() {}

  /**
   * A message in both voices.
   *
   * @param drf the DRF form (detail, fields)
   * @param plain the terse form (txn, rpc)
   */
  public record Text(String drf, String plain) {
    /** The same words in both voices. */
    public static Text of(String message) {
      return new Text(message, message);
    }
  }

  /**
   * What is wrong with one field or parameter.
   *
   * @param drf the DRF form, listed under the field in a {@code FieldsError}
   * @param why the terse form, said after the field's name ("must be a boolean")
   */
  public record Problem(String drf, String why) {}

  // --- field and parameter problems ------------------------------------------------------------------------

  public static final Problem REQUIRED = new Problem("This field is required.", "is required");
  public static final Problem BLANK = new Problem("This field may not be blank.", "may not be blank");
  public static final Problem BOOLEAN = new Problem("Must be a valid boolean.", "must be a boolean");
  public static final Problem TRUE_OR_FALSE = new Problem("Must be a valid boolean.", "must be true or false");
  public static final Problem STRING = new Problem("Not a valid string.", "must be a string");
  public static final Problem INTEGER = new Problem("A valid integer is required.", "must be an integer");
  public static final Problem POSITIVE_INTEGER =
      new Problem("A valid integer of at least 1 is required.", "must be an integer of at least 1");
  public static final Problem DATETIME =
      new Problem("Datetime has wrong format. Use RFC 3339.", "must be an RFC 3339 date-time");
  public static final Problem LIST = new Problem("Expected a list of items.", "must be an array");
  public static final Problem OBJECT = new Problem("Invalid data. Expected a dictionary.", "must be an object");
  public static final Problem DIGEST =
      new Problem("Enter a valid digest.", "must be sha256: and 64 lower-case hex digits");
  public static final Problem FUTURE = new Problem("Expiry must be in the future.", "must be in the future");
  /** The body is missing or not a JSON object (DRF: "non_field_errors"). */
  public static final Problem BODY_NOT_OBJECT =
      new Problem("Invalid data. Expected a dictionary.", "body must be a JSON object");
  /** The body is not JSON, or has data after its JSON value. */
  public static final Problem BODY_NOT_JSON =
      new Problem("JSON parse error: the body is not a single JSON value.", "body must be a single JSON value");

  /** The value is none of the allowed ones. */
  public static Problem choice(String value, List<String> choices) {
    return new Problem("\"" + value + "\" is not a valid choice.", "must be one of " + String.join(", ", choices));
  }

  /** DRF's text for a string that is too long. */
  public static Problem maxLength(int max) {
    return new Problem("Ensure this field has no more than " + max + " characters.",
        "must have at most " + max + " characters");
  }

  // --- messages ------------------------------------------------------------------------------------------

  public static final Text NOT_FOUND = new Text("Not found.", "not found");
  public static final Text PAGE_NOT_FOUND = new Text("Invalid page.", "page not found");
  public static final Text NO_CREDENTIALS =
      new Text("Authentication credentials were not provided.", "authentication required");
  public static final Text BAD_CREDENTIALS =
      new Text("Given token not valid for any token type", "authentication required");
  public static final Text FORBIDDEN =
      new Text("You do not have permission to perform this action.", "permission denied");
  public static final Text PASSWORD_LOGIN_REQUIRED = Text.of("token issued from personal access token is not allowed");
  public static final Text RATE_LIMITED = Text.of("Rate limit exceeded");
  public static final Text INVALID = new Text("invalid request", "invalid request");
  public static final Text TIMEOUT = Text.of("Request timeout: the request was not received in time.");
  public static final Text MALFORMED_ESCAPE = Text.of("Malformed percent-escape in the request target.");
  public static final Text INTERNAL = Text.of("Internal server error");

  // logins
  public static final String WRONG_CREDENTIALS = "Incorrect authentication credentials";
  public static final String TWO_FACTOR_NEEDS_TOKEN =
      "Two-factor authentication is enabled for this account: use a personal access token";
  public static final String SECOND_FACTOR_REQUIRED =
      "Login requires a second factor: send the code to /v2/users/2fa-login";
  public static final String BAD_2FA_TOKEN = "Invalid or expired two-factor login token";
  public static final String BAD_2FA_CODE = "Incorrect two-factor authentication code";
  public static final Text LOCKED_OUT = Text.of("Too many failed login attempts for this account; try again later");

  // access tokens
  public static final Problem SCOPES_REQUIRED = new Problem("This field is required and must list at least one scope.",
      "must list at least one scope");
  public static final String LABEL_OR_ACTIVE = "Send token_label and/or is_active.";

  // images (Advanced Image Management answers in the terse voice)
  public static final String NO_READ_ACCESS = "user does not have read access to the namespace";
  public static final String PLAN_WITHOUT_IMAGES = "this API is only available to users on Pro or Team plans";
  public static final String REPOSITORY_NOT_FOUND = "repository not found";
  public static final String IMAGE_NOT_FOUND = "image not found";
  public static final Text DELETION_NOT_POSSIBLE = Text.of("deletion not possible");
  public static final String NO_MANIFESTS = "manifests must list at least one manifest";
  public static final String BAD_MANIFEST = "each manifest needs a repository and a sha256 digest";
  public static final String BAD_IGNORED_WARNING =
      "each ignored warning needs a repository, a digest and a warning (is_active or current_tag)";

  // org settings
  public static final String PLAN_WITHOUT_SETTINGS =
      "Restricted images are only available to organizations on a Business plan.";

  // SCIM (the SCIM service's own voice; its error bodies are ScimError)
  public static final String SCIM_NO_TOKEN = "missing SCIM token";
  public static final String SCIM_BAD_TOKEN = "invalid SCIM token";
  public static final String SCIM_USER_NOT_FOUND = "user not found";
  public static final String SCIM_NO_SEATS = "the organization has no free seat";
  public static final String SCIM_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  /** 409 of a create: the address is provisioned already. */
  public static String scimUserExists(String userName) {
    return "user " + userName + " already exists";
  }

  /** Org settings PUT without all three booleans. */
  public static String requiredBooleans(java.util.List<String> missing) {
    return "Required boolean fields: " + String.join(", ", missing);
  }

  /** A PAT login whose token lacks a scope the operation declares. */
  public static Text scopeRequired(String scope) {
    return Text.of("this action needs a token with the " + scope + " scope");
  }

  public static Text methodNotAllowed(String method) {
    return Text.of("Method \"" + method + "\" not allowed.");
  }

  public static Text tooLarge(long maxBytes) {
    return Text.of("Request body too large: at most " + maxBytes + " bytes are accepted.");
  }
}
