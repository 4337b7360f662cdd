package io.github.hubsdk.cli;

/**
 * {@code namespace[/repository[:tag]]} as written on the command line.
 *
 * @param namespace the user or organization
 * @param repository the repository, or null
 * @param tag the tag, or null
 */
record RepoRef(String namespace, String repository, String tag) {

  private static final String NAME = "[a-z0-9]+(?:[._-][a-z0-9]+)*";
  private static final String TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";

  static RepoRef parse(String text, boolean repositoryRequired, boolean tagAllowed) {
    String rest = text;
    String tag = null;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      if (!tagAllowed) {
        throw new UsageException("'" + text + "': no tag here, write NAMESPACE/REPOSITORY");
      }
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (tag.matches(".*[*?\\[\\]].*")) {
        throw new UsageException("'" + text + "': tags rm takes exact tags, not patterns (use retention plan)");
      }
      if (!tag.matches(TAG)) {
        throw new UsageException("'" + text + "': '" + tag + "' is not a tag name");
      }
    }
    String[] parts = rest.split("/", -1);
    if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
      throw new UsageException("'" + text + "' is not NAMESPACE" + (repositoryRequired ? "/REPOSITORY" : "[/REPOSITORY]")
          + (tagAllowed ? ":TAG" : ""));
    }
    if (repositoryRequired && parts.length < 2) {
      throw new UsageException("'" + text + "': name a repository, NAMESPACE/REPOSITORY");
    }
    if (tagAllowed && tag == null) {
      throw new UsageException("'" + text + "': name the tag, NAMESPACE/REPOSITORY:TAG");
    }
    if (!parts[0].matches("[a-z0-9][a-z0-9_-]{1,254}")) {
      throw new UsageException("'" + parts[0] + "' is not a namespace (lowercase letters, digits, - and _)");
    }
    if (parts.length == 2 && !parts[1].matches(NAME)) {
      throw new UsageException("'" + parts[1] + "' is not a repository name (lowercase letters and digits, "
          + "separated by single . _ or -)");
    }
    return new RepoRef(parts[0], parts.length == 2 ? parts[1] : null, tag);
  }

  @Override
  public String toString() {
    return namespace + (repository == null ? "" : "/" + repository) + (tag == null ? "" : ":" + tag);
  }
}
