package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.openapi.model.OrgAccessTokenResource;
import io.github.hubsdk.openapi.model.OrgAccessTokenResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * What an organization access token may reach, and how: a repository (or a glob such as {@code acme/*},
 * or every public repository) with image scopes, or the organization itself.
 *
 * <pre>{@code
 * OatResource.repository("acme/web", OatResource.PULL, OatResource.PUSH)
 * OatResource.repository("acme/*", OatResource.PULL)
 * OatResource.organization("acme", "scope-audit-log-read")
 * }</pre>
 *
 * @param type {@code TYPE_REPO} or {@code TYPE_ORG}
 * @param path the repository path or glob, {@value #PUBLIC_REPOSITORIES}, or the organization
 * @param scopes at least one scope, e.g. {@value #PULL}
 */
public record OatResource(OrgAccessTokenResourceType type, String path, List<String> scopes) {

  /** Pull images. */
  public static final String PULL = "scope-image-pull";
  /** Push images. */
  public static final String PUSH = "scope-image-push";
  /** The path that means every public repository on Docker Hub. */
  public static final String PUBLIC_REPOSITORIES = "*/*/public";

  /**
   * @throws InvalidRequestException when the type is missing or unknown, the path blank or the scopes empty
   */
  public OatResource {
    if (type == null || type == OrgAccessTokenResourceType.UNKNOWN_DEFAULT_OPEN_API) {
      throw new InvalidRequestException("an access token resource needs the type TYPE_REPO or TYPE_ORG");
    }
    Checks.notBlank("resource path", path);
    if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw new InvalidRequestException("an access token resource needs at least one scope and no blank one");
    }
    if (type == OrgAccessTokenResourceType.TYPE_REPO && !path.equals(PUBLIC_REPOSITORIES) && path.indexOf('/') < 1) {
      throw new InvalidRequestException("a repository resource's path is <org>/<repository> (the name may use *),"
          + " or " + PUBLIC_REPOSITORIES + "; was " + path);
    }
    scopes = List.copyOf(scopes);
  }

  /**
   * Repositories: {@code acme/web}, a glob such as {@code acme/*}, or {@value #PUBLIC_REPOSITORIES}.
   *
   * @param path the repository or glob
   * @param scopes {@value #PULL} and/or {@value #PUSH}
   * @return the resource
   */
  public static OatResource repository(String path, String... scopes) {
    return new OatResource(OrgAccessTokenResourceType.TYPE_REPO, path, List.of(scopes));
  }

  /**
   * The organization itself (its member list, its audit logs).
   *
   * @param org the organization
   * @param scopes at least one scope name
   * @return the resource
   */
  public static OatResource organization(String org, String... scopes) {
    return new OatResource(OrgAccessTokenResourceType.TYPE_ORG, org, List.of(scopes));
  }

  /**
   * The resource of a generated model.
   *
   * @param model a resource from an answer
   * @return the resource
   */
  public static OatResource of(OrgAccessTokenResource model) {
    return new OatResource(model.getType(), model.getPath(), model.getScopes());
  }

  OrgAccessTokenResource toModel() {
    return new OrgAccessTokenResource().type(type).path(path).scopes(new ArrayList<>(scopes));
  }
}
