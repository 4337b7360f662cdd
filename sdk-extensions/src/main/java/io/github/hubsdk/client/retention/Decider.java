package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.retention.TagDecision.Reason;
import io.github.hubsdk.client.retention.TagDecision.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The policy's rules over one repository's tags; the same code plans and, on apply, re-checks a plan. */
final class Decider {

  /** Newest first; an unknown push time counts as newest (so keepLast protects it); then by name. */
  static final Comparator<TagInfo> NEWEST_FIRST = Comparator
      .comparing((TagInfo t) -> t.pushed() == null ? Instant.MAX : t.pushed()).reversed()
      .thenComparing(TagInfo::name);

  private final RetentionPolicy policy;
  private final Instant cutoff;

  Decider(RetentionPolicy policy, Instant now) {
    this.policy = policy;
    this.cutoff = policy.olderThan() == null ? null : now.minus(policy.olderThan());
  }

  List<TagDecision> decide(List<TagInfo> tags, List<String> immutableRules) {
    Immutable immutable = new Immutable(immutableRules);
    List<TagInfo> sorted = new ArrayList<>(tags);
    sorted.sort(NEWEST_FIRST);
    List<TagDecision> out = new ArrayList<>(sorted.size());
    for (int rank = 0; rank < sorted.size(); rank++) {
      out.add(decide(sorted.get(rank), rank, sorted.size(), immutable));
    }
    return out;
  }

  private TagDecision decide(TagInfo t, int rank, int total, Immutable immutable) {
    String rule = immutable.rule(t.name());
    if (rule != null) {
      return keep(t, Reason.IMMUTABLE, "covered by immutable-tag rule " + rule);
    }
    for (TagPattern p : policy.keep()) {
      if (p.matches(t.name())) {
        return keep(t, Reason.KEEP_PATTERN, "matches keep pattern " + p);
      }
    }
    if (rank < policy.keepLast()) {
      return keep(t, Reason.NEWEST, "newest " + (rank + 1) + " of " + total + " (keep last " + policy.keepLast()
          + ")");
    }
    TagPattern selectedBy = null;
    for (TagPattern p : policy.delete()) {
      if (p.matches(t.name())) {
        selectedBy = p;
        break;
      }
    }
    if (!policy.delete().isEmpty() && selectedBy == null) {
      return keep(t, Reason.NOT_SELECTED, "matches no delete pattern");
    }
    String why = selectedBy == null ? "" : "matches delete pattern " + selectedBy;
    if (cutoff != null) {
      if (t.pushed() == null) {
        return keep(t, Reason.AGE_UNKNOWN, "push time unknown");
      }
      Instant last = t.lastActivity().orElseThrow();
      if (!last.isBefore(cutoff)) {
        return keep(t, Reason.RECENT, (t.pulled() != null && t.pulled().equals(last) ? "pulled " : "pushed ")
            + last + ", within " + policy.olderThan());
      }
      why = (why.isEmpty() ? "" : why + ", ") + "not pushed or pulled since " + last;
    }
    return new TagDecision(t.name(), t.digest(), t.pushed(), t.pulled(), Verdict.DELETE, Reason.SELECTED, why);
  }

  private static TagDecision keep(TagInfo t, Reason reason, String detail) {
    return new TagDecision(t.name(), t.digest(), t.pushed(), t.pulled(), Verdict.KEEP, reason, detail);
  }

  /**
   * A repository's immutable-tag rules. The live Hub does not document whether a rule must match the whole
   * name, so a match anywhere in the name counts: that protects more tags, never fewer. A rule that does not
   * compile protects every tag.
   */
  static final class Immutable {
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private String broken;

    Immutable(List<String> rules) {
      for (String r : rules) {
        try {
          patterns.add(Pattern.compile(r));
          texts.add(r);
        } catch (PatternSyntaxException e) {
          broken = r;
        }
      }
    }

    /** The rule covering the tag, or null. */
    String rule(String tag) {
      if (broken != null) {
        return broken + " (not a regular expression here: it protects every tag)";
      }
      for (int i = 0; i < patterns.size(); i++) {
        if (patterns.get(i).matcher(tag).find()) {
          return texts.get(i);
        }
      }
      return null;
    }
  }
}
