package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.OatRules;

import io.github.hubsdk.emulator.internal.auth.Caller;
import io.github.hubsdk.emulator.internal.auth.Who;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Store;

/**
 * Who may see and change a repository, shared by the repository and tag handlers. Emulator rules (the live
 * Hub documents only parts of them): anyone, also anonymously, sees a public repository; a private one is
 * seen by its namespace (the user, an organization's owners and members, the organization's access tokens)
 * and, with a personal access token, only with {@code repo:read} or more ({@code repo:public_read} sees
 * public repositories only). What a caller may not see answers 404, as the live Hub hides private
 * repositories. Changing a repository needs an owner of the namespace (the user or an organization owner;
 * an organization access token acts for its own organization): others get 403. Organization access tokens
 * are refused on the legacy {@code /v2/repositories/...} paths (changelog 2026-08-27).
 */
final class RepositoryAccess {

  static final String OAT_ON_LEGACY_PATH =
      "organization access tokens are not accepted on /v2/repositories paths; use /v2/namespaces";

  private final Store store;

  RepositoryAccess(Store store) {
    this.store = store;
  }

  /** Refuses an organization access token on a legacy path. */
  static void legacyPath(Call c) {
    if (c.legacy() && c.caller() != null && c.caller().kind() == Who.OAT) {
      throw HubError.forbidden(OAT_ON_LEGACY_PATH);
    }
  }

  /** Whether the caller (null: anonymous) sees the private repositories of {@code namespace}. */
  boolean seesPrivate(Caller caller, String namespace) {
    return caller != null && store.accounts().canRead(caller.username(), namespace) && caller.hasScope("repo:read");
  }

  /** Whether the caller may change repositories of {@code namespace}. */
  boolean canWrite(Caller caller, String namespace) {
    if (caller == null) {
      return false;
    }
    return caller.isUser() ? store.accounts().isOwner(caller.username(), namespace)
        : caller.username().equals(namespace);
  }

  /** The path's repository, if the caller may see it (else 404) and an OAT's resources reach it (else 403). */
  Repo visible(Call c) {
    legacyPath(c);
    String namespace = c.path("namespace");
    Repo repo = store.repositories().repo(namespace, c.path("repository"));
    if (repo == null || repo.isPrivate && !seesPrivate(c.caller(), namespace)) {
      throw HubError.notFound();
    }
    requireReach(c.caller(), namespace, repo.name, !repo.isPrivate, false);
    return repo;
  }

  /**
   * The one place an organization access token is held to its resources on the repository endpoints: a
   * repository its {@code TYPE_REPO} resources (with globs such as {@code acme/*}) do not name, or a write
   * without {@code scope-image-push}, answers 403 saying what the token does reach. Users pass.
   */
  static void requireReach(Caller caller, String namespace, String name, boolean isPublic, boolean write) {
    if (!reaches(caller, namespace, name, isPublic, write)) {
      throw HubError.forbidden(OatRules.outOfScope(caller.token().resources, namespace + "/" + name, write));
    }
  }

  /** Whether the caller is not an organization access token, or is one whose resources reach the repository. */
  static boolean reaches(Caller caller, String namespace, String name, boolean isPublic, boolean write) {
    return caller == null || caller.kind() != Who.OAT
        || OatRules.allowsRepository(caller.token().resources, namespace, name, write, isPublic);
  }

  /** The path's repository, if the caller may change it: 404 when it cannot see it, 403 when it may only read. */
  Repo writable(Call c) {
    Repo repo = visible(c);
    if (!canWrite(c.caller(), repo.namespace)) {
      throw HubError.forbidden();
    }
    requireReach(c.caller(), repo.namespace, repo.name, !repo.isPrivate, true);
    return repo;
  }
}
