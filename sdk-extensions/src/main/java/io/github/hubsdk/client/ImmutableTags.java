package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.model.ImmutableTagsSettings;
import io.github.hubsdk.openapi.model.UpdateImmutableTagsRequest;
import io.github.hubsdk.openapi.model.VerifyImmutableTagsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A repository's immutable-tag settings: whether they are on and the rules (regular expressions over tag
 * names) that make a tag immutable. Reached through {@link RepositoryOperations#immutableTags()}; changing
 * and previewing need admin rights on the repository. Rules are checked as Java regular expressions before
 * anything is sent.
 */
public final class ImmutableTags {

  private final RepositoriesApi api;
  private final String namespace;
  private final String repository;

  ImmutableTags(RepositoriesApi api, String namespace, String repository) {
    this.api = api;
    this.namespace = namespace;
    this.repository = repository;
  }

  /**
   * The current settings (read with the repository).
   *
   * @return the settings; disabled with no rules when the server says nothing
   */
  public ImmutableTagsSettings get() {
    ImmutableTagsSettings s = api.getRepository(namespace, repository).getImmutableTagsSettings();
    return s != null ? s : new ImmutableTagsSettings().enabled(false).rules(new ArrayList<>());
  }

  /**
   * Turns immutable tags on or off and replaces the rules.
   *
   * @param enabled whether tags matching a rule are immutable
   * @param rules the regular expressions (may be empty)
   * @return the settings the server now holds
   */
  public ImmutableTagsSettings update(boolean enabled, List<String> rules) {
    Checks.notNull("rules", rules);
    List<String> checked = new ArrayList<>();
    for (String r : rules) {
      checked.add(regex(r));
    }
    ImmutableTagsSettings out = api.updateRepositoryImmutableTags(namespace, repository,
        new UpdateImmutableTagsRequest().immutableTags(enabled).immutableTagsRules(checked)).getImmutableTagsSettings();
    return out != null ? out : new ImmutableTagsSettings().enabled(enabled).rules(checked);
  }

  /**
   * The existing tags a rule would match, to try it before setting it. Changes nothing.
   *
   * @param regex a regular expression over tag names
   * @return the matching tags' names
   */
  public List<String> verify(String regex) {
    List<String> tags = api.verifyRepositoryImmutableTags(namespace, repository,
        new VerifyImmutableTagsRequest().regex(regex(regex))).getTags();
    return tags == null ? List.of() : List.copyOf(tags);
  }

  private static String regex(String rule) {
    Checks.notBlank("rule", rule);
    try {
      Pattern.compile(rule);
    } catch (PatternSyntaxException e) {
      throw new InvalidRequestException("rule is not a regular expression: " + e.getDescription());
    }
    return rule;
  }

  @Override
  public String toString() {
    return "ImmutableTags{" + namespace + "/" + repository + "}";
  }
}
