package io.github.hubsdk.client.retention;

import java.util.List;
import java.util.Objects;

/**
 * The plan for one repository: every tag it had, newest first, each with its verdict.
 *
 * @param name the repository's name
 * @param immutableTagRules the immutable-tag rules in force when planned (empty when off)
 * @param tags one decision per tag
 */
public record RepositoryPlan(String name, List<String> immutableTagRules, List<TagDecision> tags) {

  /**
   * Copies the lists.
   *
   * @param name not null
   * @param immutableTagRules not null
   * @param tags not null
   */
  public RepositoryPlan {
    Objects.requireNonNull(name, "name");
    immutableTagRules = List.copyOf(immutableTagRules);
    tags = List.copyOf(tags);
  }

  /**
   * The tags the plan deletes.
   *
   * @return the decisions with {@link TagDecision.Verdict#DELETE}
   */
  public List<TagDecision> deletions() {
    return tags.stream().filter(TagDecision::deletes).toList();
  }

  /**
   * The tags the plan keeps.
   *
   * @return the decisions with {@link TagDecision.Verdict#KEEP}
   */
  public List<TagDecision> kept() {
    return tags.stream().filter(t -> !t.deletes()).toList();
  }
}
