package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.state.Repositories;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Repositories.RepoTag;
import io.github.hubsdk.openapi.model.UpdateImmutableTagsRequest;
import io.github.hubsdk.openapi.model.VerifyImmutableTagsRequest;
import io.github.hubsdk.openapi.model.VerifyImmutableTagsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A repository's immutable-tag rules: set them, and preview which existing tags a rule matches. Both need
 * admin rights on the repository. A rule is a regular expression over the whole tag name; one that does not
 * compile is a 400, and so are more than {@link Repositories#MAX_IMMUTABLE_RULES} rules or a rule longer
 * than {@link Repositories#MAX_RULE_LENGTH} (emulator limits: the live ones are not documented).
 */
final class ImmutableTagsResource {

  private static final Texts.Problem BAD_REGEX =
      new Texts.Problem("Enter a valid regular expression.", "must be a valid regular expression");

  private final HubContext hub;
  private final RepositoryAccess access;

  ImmutableTagsResource(HubContext hub) {
    this.hub = hub;
    this.access = new RepositoryAccess(hub.store());
  }

  @Handles(value = "updateRepositoryImmutableTags", scope = "repo:admin")
  Reply update(Call c) {
    UpdateImmutableTagsRequest body = c.body(UpdateImmutableTagsRequest.class);
    if (body.getImmutableTags() == null) {
      throw HubError.invalidField("immutable_tags", Texts.REQUIRED);
    }
    List<String> rules = body.getImmutableTagsRules();
    if (rules == null) {
      throw HubError.invalidField("immutable_tags_rules", Texts.REQUIRED);
    }
    if (rules.size() > Repositories.MAX_IMMUTABLE_RULES) {
      throw HubError.invalidField("immutable_tags_rules", new Texts.Problem(
          "Ensure this field has no more than " + Repositories.MAX_IMMUTABLE_RULES + " elements.",
          "must have at most " + Repositories.MAX_IMMUTABLE_RULES + " rules"));
    }
    for (String rule : rules) {
      compile("immutable_tags_rules", rule);
    }
    Repo repo = access.writable(c);
    repo.immutableTags = body.getImmutableTags();
    repo.immutableRules = List.copyOf(rules);
    repo.lastModified = hub.now();
    return Reply.ok(RepositoryModels.full(repo, true, true));
  }

  @Handles(value = "verifyRepositoryImmutableTags", scope = "repo:admin")
  Reply verify(Call c) {
    VerifyImmutableTagsRequest body = c.body(VerifyImmutableTagsRequest.class);
    Pattern regex = compile("regex", body.getRegex());
    Repo repo = access.writable(c);
    List<String> out = new ArrayList<>();
    for (RepoTag t : RepositoryTagsResource.newestFirst(repo)) {
      if (regex.matcher(t.name).matches()) {
        out.add(t.name);
      }
    }
    return Reply.ok(new VerifyImmutableTagsResponse().tags(out));
  }

  private static Pattern compile(String field, String rule) {
    if (rule == null || rule.isEmpty()) {
      throw HubError.invalidField(field, rule == null ? Texts.REQUIRED : Texts.BLANK);
    }
    if (rule.length() > Repositories.MAX_RULE_LENGTH) {
      throw HubError.invalidField(field, Texts.maxLength(Repositories.MAX_RULE_LENGTH));
    }
    try {
      return Pattern.compile(rule);
    } catch (PatternSyntaxException e) {
      throw HubError.invalidField(field, BAD_REGEX);
    }
  }
}
