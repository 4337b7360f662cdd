package io.github.hubsdk.emulator.internal;

import io.github.hubsdk.emulator.internal.state.Tokens.Resource;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an organization access token's resources may say and what they grant, shared by the API and the
 * seeding so neither accepts what the other refuses. Emulator rules where Docker's reference is silent:
 * a {@code TYPE_REPO} path is {@code <org>/<name>} with {@code *} as a wildcard in the name (never another
 * organization's repositories), or {@code *}{@code /*}{@code /public} for every public repository; its
 * scopes are {@code scope-image-pull} and {@code scope-image-push} (push includes pull). A
 * {@code TYPE_ORG} path is the organization itself; it lets the token read the organization's members
 * and audit logs (any non-blank scope name is kept as given). Internal API.
 */
public final class OatRules {

  public static final String TYPE_REPO = "TYPE_REPO";
  public static final String TYPE_ORG = "TYPE_ORG";
  public static final String PULL = "scope-image-pull";
  public static final String PUSH = "scope-image-push";
  public static final String PUBLIC_REPOS = "*/*/public";
  /** Repository scopes, strongest first. */
  public static final List<String> REPO_SCOPES = List.of(PUSH, PULL);
  /** At most this many resources per token. */
  public static final int MAX_RESOURCES = 50;
  /** At most this many access tokens per organization. */
  public static final int MAX_TOKENS_PER_ORG = 100;

  private static final Pattern REPO_NAME = Pattern.compile("[a-z0-9*][a-z0-9._*-]{0,254}");

  private OatRules() {}

  /**
   * What is wrong with a resource of a token of {@code org}.
   *
   * @return a message, or null when it is fine
   */
  public static String problem(String org, String type, String path, List<String> scopes) {
    if (type == null) {
      return "type must be TYPE_REPO or TYPE_ORG";
    }
    if (path == null || path.isBlank()) {
      return "path may not be blank";
    }
    if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank())) {
      return "scopes must name at least one scope";
    }
    if (TYPE_ORG.equals(type)) {
      return path.equals(org) ? null : "a TYPE_ORG resource's path is the organization " + org;
    }
    if (!TYPE_REPO.equals(type)) {
      return "type must be TYPE_REPO or TYPE_ORG";
    }
    for (String s : scopes) {
      if (!REPO_SCOPES.contains(s)) {
        return "unknown repository scope " + s + "; use " + String.join(" or ", REPO_SCOPES);
      }
    }
    if (path.equals(PUBLIC_REPOS)) {
      return null;
    }
    int slash = path.indexOf('/');
    if (slash < 0 || !path.substring(0, slash).equals(org) || !REPO_NAME.matcher(path.substring(slash + 1)).matches()) {
      return "a TYPE_REPO path is " + org + "/<repository>, may use * in the name, or is " + PUBLIC_REPOS;
    }
    return null;
  }

  /**
   * Whether the resources let a token act on a repository.
   *
   * @param write a push or change rather than a read
   * @param isPublic whether the repository is public (for {@code *}{@code /*}{@code /public})
   */
  public static boolean allowsRepository(List<Resource> resources, String namespace, String repo, boolean write,
      boolean isPublic) {
    for (Resource r : resources) {
      if (!TYPE_REPO.equals(r.type())) {
        continue;
      }
      boolean scoped = write ? r.scopes().contains(PUSH) : r.scopes().contains(PULL) || r.scopes().contains(PUSH);
      if (!scoped) {
        continue;
      }
      if (r.path().equals(PUBLIC_REPOS) ? isPublic && !write : glob(r.path(), namespace + "/" + repo)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The PAT-style scope a handler declares ({@code repo:read} ... {@code repo:admin}), as an organization
   * access token's resources grant it: reading with any repository resource, writing with a push scope,
   * never {@code repo:admin} (OAT scopes are image pull and push). The repository itself is checked by
   * {@link #allowsRepository} where the handler knows it.
   */
  public static boolean grants(List<Resource> resources, String scope) {
    boolean pull = false;
    boolean push = false;
    for (Resource r : resources) {
      if (TYPE_REPO.equals(r.type())) {
        push |= r.scopes().contains(PUSH);
        pull |= r.scopes().contains(PULL) || r.scopes().contains(PUSH);
      }
    }
    return switch (scope) {
      case "repo:read", "repo:public_read" -> pull;
      case "repo:write" -> push;
      default -> false;
    };
  }

  /** Why a token does not reach a repository, naming what it does reach. */
  public static String outOfScope(List<Resource> resources, String what, boolean write) {
    List<String> reach = resources.stream().map(r -> r.type() + " " + r.path() + " (" + String.join(", ", r.scopes()) + ")")
        .toList();
    return "this organization access token may not " + (write ? "push to or change " : "read ") + what
        + "; its resources are " + (reach.isEmpty() ? "none" : String.join("; ", reach));
  }

  /** Whether the resources include the organization itself ({@code TYPE_ORG}). */
  public static boolean allowsOrganization(List<Resource> resources, String org) {
    return resources.stream().anyMatch(r -> TYPE_ORG.equals(r.type()) && r.path().equals(org));
  }

  /** {@code *} matches any run of characters other than {@code /}; everything else is literal. */
  static boolean glob(String pattern, String text) {
    String[] parts = pattern.split("\\*", -1);
    StringBuilder re = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      re.append("[^/]*").append(Pattern.quote(parts[i]));
    }
    return Pattern.matches(re.toString(), text);
  }
}
