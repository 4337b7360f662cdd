package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;

/**
 * What {@link Scim#replace(String, ScimUserChange)} sends: whether the user keeps a seat, always, and the name
 * parts to change. Docker Hub reads an absent {@code enabled} as {@code false} and deactivates the user, so
 * this value has no way to leave it out: {@link #enabled(boolean)} is where every change starts. A name part
 * left null is kept as it is (the API never clears a name).
 *
 * <pre>{@code
 * scim.replace(id, ScimUserChange.enabled(true).withFamilyName("Smith"));
 * }</pre>
 *
 * @param active whether the user is active (holds a seat in the organization)
 * @param givenName the new given name, or null to keep it
 * @param familyName the new family name, or null to keep it
 */
public record ScimUserChange(boolean active, String givenName, String familyName) {

  /**
   * Validates the change.
   *
   * @throws InvalidRequestException when a name part is blank (null keeps it; blank is no name)
   */
  public ScimUserChange {
    if (givenName != null) {
      Checks.notBlank("givenName", givenName);
    }
    if (familyName != null) {
      Checks.notBlank("familyName", familyName);
    }
  }

  /**
   * A change that sets whether the user is active and keeps the name.
   *
   * @param active true to keep or give back the seat, false to take it away
   * @return the change
   */
  public static ScimUserChange enabled(boolean active) {
    return new ScimUserChange(active, null, null);
  }

  /**
   * The same change, also setting the given name.
   *
   * @param name the given name, not blank
   * @return a new change
   */
  public ScimUserChange withGivenName(String name) {
    return new ScimUserChange(active, Checks.notBlank("givenName", name), familyName);
  }

  /**
   * The same change, also setting the family name.
   *
   * @param name the family name, not blank
   * @return a new change
   */
  public ScimUserChange withFamilyName(String name) {
    return new ScimUserChange(active, givenName, Checks.notBlank("familyName", name));
  }
}
