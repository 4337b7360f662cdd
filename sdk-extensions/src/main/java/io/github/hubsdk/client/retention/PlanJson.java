package io.github.hubsdk.client.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The JSON form of a plan. The digest is taken over the compact form of a tree built in a fixed field order, so
 * reading a plan and writing it again gives the same digest whatever whitespace the file had.
 */
final class PlanJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanJson() {
  }

  static String write(RetentionPlan plan) {
    ObjectNode content = tree(plan);
    ObjectNode out = MAPPER.createObjectNode();
    out.put("format", RetentionPlan.FORMAT);
    out.put("digest", digestOf(content));
    out.setAll(content);
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan tree always serialises", e);
    }
  }

  static String digest(RetentionPlan plan) {
    return digestOf(tree(plan));
  }

  static RetentionPlan read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw unreadable("not JSON" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || !root.isObject() || !RetentionPlan.FORMAT.equals(root.path("format").asText(null))) {
      throw unreadable("no \"format\": \"" + RetentionPlan.FORMAT + "\" field");
    }
    RetentionPlan plan;
    try {
      plan = parse(root);
    } catch (RuntimeException e) {
      throw unreadable(e.getMessage());
    }
    String claimed = root.path("digest").asText("");
    String actual = digest(plan);
    if (!actual.equals(claimed)) {
      throw new PlanRefusedException(PlanRefusedException.Why.ALTERED,
          "the plan was changed after it was made: its content does not match its digest");
    }
    return plan;
  }

  private static ObjectNode tree(RetentionPlan plan) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode source = n.putObject("source");
    source.put("endpoint", plan.endpoint());
    source.put("namespace", plan.namespace());
    source.put("repository", plan.repository());
    n.put("computedAt", plan.computedAt().toString());
    ObjectNode policy = n.putObject("policy");
    policy.put("keepLast", plan.policy().keepLast());
    ArrayNode keep = policy.putArray("keep");
    plan.policy().keep().forEach(p -> keep.add(p.text()));
    ArrayNode delete = policy.putArray("delete");
    plan.policy().delete().forEach(p -> delete.add(p.text()));
    policy.put("olderThan", plan.policy().olderThan() == null ? null : plan.policy().olderThan().toString());
    n.put("complete", plan.complete());
    ArrayNode failures = n.putArray("failures");
    for (PlanFailure f : plan.failures()) {
      ObjectNode o = failures.addObject();
      o.put("repository", f.repository());
      o.put("operation", f.operation());
      o.put("status", f.status());
      o.put("message", f.message());
    }
    ArrayNode repos = n.putArray("repositories");
    for (RepositoryPlan r : plan.repositories()) {
      ObjectNode o = repos.addObject();
      o.put("name", r.name());
      ArrayNode rules = o.putArray("immutableTagRules");
      r.immutableTagRules().forEach(rules::add);
      ArrayNode tags = o.putArray("tags");
      for (TagDecision t : r.tags()) {
        ObjectNode d = tags.addObject();
        d.put("tag", t.tag());
        d.put("verdict", t.verdict().name());
        d.put("reason", t.reason().name());
        d.put("detail", t.detail());
        d.put("digest", t.digest());
        d.put("pushed", t.pushed() == null ? null : t.pushed().toString());
        d.put("pulled", t.pulled() == null ? null : t.pulled().toString());
      }
    }
    return n;
  }

  private static RetentionPlan parse(JsonNode root) {
    JsonNode source = required(root, "source");
    JsonNode p = required(root, "policy");
    RetentionPolicy.Builder b = RetentionPolicy.builder().keepLast(required(p, "keepLast").asInt());
    p.path("keep").forEach(k -> b.keep(k.asText()));
    p.path("delete").forEach(k -> b.delete(k.asText()));
    String age = text(p, "olderThan");
    if (age != null) {
      b.olderThan(Duration.parse(age));
    }
    List<PlanFailure> failures = new ArrayList<>();
    for (JsonNode f : root.path("failures")) {
      failures.add(new PlanFailure(text(f, "repository"), text(f, "operation"), f.path("status").asInt(),
          text(f, "message")));
    }
    List<RepositoryPlan> repos = new ArrayList<>();
    for (JsonNode r : required(root, "repositories")) {
      List<String> rules = new ArrayList<>();
      r.path("immutableTagRules").forEach(x -> rules.add(x.asText()));
      List<TagDecision> tags = new ArrayList<>();
      for (JsonNode t : required(r, "tags")) {
        tags.add(new TagDecision(text(t, "tag"), text(t, "digest"), instant(t, "pushed"), instant(t, "pulled"),
            TagDecision.Verdict.valueOf(text(t, "verdict")), TagDecision.Reason.valueOf(text(t, "reason")),
            text(t, "detail")));
      }
      repos.add(new RepositoryPlan(text(r, "name"), rules, tags));
    }
    return new RetentionPlan(text(source, "endpoint"), text(source, "namespace"), text(source, "repository"),
        Instant.parse(text(root, "computedAt")), b.build(), repos, failures);
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String field) {
    String s = text(n, field);
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not an instant: " + s);
    }
  }

  private static PlanRefusedException unreadable(String why) {
    return new PlanRefusedException(PlanRefusedException.Why.UNREADABLE, "not a retention plan: " + why);
  }

  private static String digestOf(ObjectNode content) {
    try {
      byte[] bytes = MAPPER.writeValueAsBytes(content);
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 over a JSON tree cannot fail", e);
    }
  }
}
