package io.github.hubsdk.cli;

import io.github.hubsdk.client.OatResource;
import io.github.hubsdk.client.Organization;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import io.github.hubsdk.openapi.model.OrgAccessTokenResource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The organization access token half of {@code tokens}: what {@code --org} switches to. */
final class OrgTokens {

  private OrgTokens() {
  }

  /** An OAT without its secret. */
  static Map<String, Object> describe(OrgAccessToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.getId());
    m.put("label", t.getLabel());
    m.put("description", t.getDescription());
    List<String> resources = new ArrayList<>();
    if (t.getResources() != null) {
      for (OrgAccessTokenResource r : t.getResources()) {
        resources.add((r.getType() == null ? "?" : r.getType().getValue()) + ":" + r.getPath() + ":"
            + String.join(",", r.getScopes() == null ? List.of() : r.getScopes()));
      }
    }
    m.put("resources", resources);
    m.put("active", t.getIsActive());
    m.put("created_at", t.getCreatedAt());
    m.put("last_used_at", t.getLastUsedAt());
    m.put("expires_at", t.getExpiresAt());
    return m;
  }

  /**
   * {@code repo:PATH:SCOPES} or {@code org:NAME:SCOPES}; scopes comma-separated, {@code pull} and {@code push}
   * standing for the image scopes.
   */
  static OatResource resource(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
      throw new UsageException("--resource: '" + text + "' is not repo:PATH:SCOPES or org:NAME:SCOPES "
          + "(e.g. repo:acme/web:pull,push)");
    }
    String[] scopes = java.util.Arrays.stream(parts[2].split(",")).map(String::strip).map(s -> switch (s) {
      case "pull" -> OatResource.PULL;
      case "push" -> OatResource.PUSH;
      default -> s;
    }).toArray(String[]::new);
    return switch (parts[0]) {
      case "repo" -> OatResource.repository(parts[1], scopes);
      case "org" -> OatResource.organization(parts[1], scopes);
      default -> throw new UsageException("--resource: the type must be repo or org, was '" + parts[0] + "'");
    };
  }

  static UUID id(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("'" + text + "' is not a token id (a UUID)");
    }
  }

  static OffsetDateTime expiry(Duration in) {
    return in == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plus(in);
  }

  static OrgAccessToken rotate(Organization org, UUID id, Duration expiresIn) {
    OrgAccessToken old = org.accessTokens().get(id);
    List<OatResource> resources = old.getResources() == null ? List.of()
        : old.getResources().stream().map(OatResource::of).toList();
    return org.accessTokens().create(old.getLabel(), old.getDescription(), resources, expiry(expiresIn));
  }
}
