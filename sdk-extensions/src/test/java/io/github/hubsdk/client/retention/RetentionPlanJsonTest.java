package io.github.hubsdk.client.retention;

import static io.github.hubsdk.client.retention.FakeTags.tag;
import static io.github.hubsdk.client.retention.RetentionPolicyTest.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.client.retention.PlanRefusedException.Why;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class RetentionPlanJsonTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static RetentionPlan plan(FakeTags src) {
    return RetentionApplyTest.engine(src).plan("acme", RetentionApplyTest.POLICY);
  }

  @Test
  void aPlanSurvivesJsonWithItsSourceTimeAndDigest() throws Exception {
    FakeTags src = RetentionApplyTest.threeRepos();
    RetentionPlan plan = plan(src);
    String json = plan.toJson();
    ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
    assertThat(tree.get("format").asText()).isEqualTo(RetentionPlan.FORMAT);
    assertThat(tree.get("digest").asText()).isEqualTo(plan.digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(tree.at("/source/endpoint").asText()).isEqualTo("fake://hub");
    assertThat(tree.at("/source/namespace").asText()).isEqualTo("acme");
    assertThat(tree.get("computedAt").asText()).isEqualTo(RetentionPolicyTest.NOW.toString());
    assertThat(tree.at("/policy/olderThan").asText()).isEqualTo("PT720H");
    RetentionPlan back = RetentionPlan.fromJson(json);
    assertThat(back).isEqualTo(plan);
    assertThat(RetentionPlan.fromJson(MAPPER.writeValueAsString(tree))).as("whitespace is no edit").isEqualTo(plan);
    assertThat(RetentionApplyTest.engine(src).apply(back, ApplyOptions.defaults().forReal()).count(
        TagOutcome.Outcome.DELETED)).isEqualTo(9);
  }

  @Test
  void aPlanEditedByHandIsRefused() throws Exception {
    FakeTags src = RetentionApplyTest.threeRepos();
    ObjectNode tree = (ObjectNode) MAPPER.readTree(plan(src).toJson());
    ObjectNode latest = (ObjectNode) tree.at("/repositories/0/tags/0");
    latest.put("verdict", "DELETE").put("reason", "SELECTED");
    assertThatThrownBy(() -> RetentionPlan.fromJson(MAPPER.writeValueAsString(tree)))
        .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.ALTERED));
    ObjectNode older = (ObjectNode) MAPPER.readTree(plan(src).toJson());
    older.put("computedAt", "2027-01-01T00:00:00Z");
    assertThatThrownBy(() -> RetentionPlan.fromJson(MAPPER.writeValueAsString(older)))
        .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.ALTERED));
  }

  @Test
  void anEditWithARecomputedDigestStillCannotDeleteWhatThePolicyKeeps() throws Exception {
    FakeTags src = RetentionApplyTest.threeRepos();
    ObjectNode tree = (ObjectNode) MAPPER.readTree(plan(src).toJson());
    for (var t : (ArrayNode) tree.at("/repositories/0/tags")) {
      ((ObjectNode) t).put("verdict", "DELETE").put("reason", "SELECTED");
    }
    tree.remove("digest");
    // rebuild the plan from the edited tree through the reader's own parse, then re-digest it
    Method parse = PlanJson.class.getDeclaredMethod("parse", com.fasterxml.jackson.databind.JsonNode.class);
    parse.setAccessible(true);
    RetentionPlan forged = (RetentionPlan) parse.invoke(null, tree);
    RetentionPlan reread = RetentionPlan.fromJson(forged.toJson());
    assertThatThrownBy(() -> RetentionApplyTest.engine(src).apply(reread, ApplyOptions.defaults().forReal()))
        .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.ALTERED))
        .hasMessageContaining("its own policy keeps");
    assertThat(src.deleted).isEmpty();
  }

  @Test
  void textThatIsNoPlanIsUnreadable() {
    for (String text : new String[] {"", "[]", "{\"format\":\"other\"}", "not json",
        "{\"format\":\"" + RetentionPlan.FORMAT + "\"}"}) {
      assertThatThrownBy(() -> RetentionPlan.fromJson(text)).as(text)
          .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.UNREADABLE));
    }
  }

  @Test
  void aTagWithoutTimesOrDigestRoundTrips() {
    FakeTags src = new FakeTags().repo("web", new TagInfo("x", null, null, null), tag("y", daysAgo(99), null));
    RetentionPlan plan = RetentionApplyTest.engine(src).plan("acme", "web",
        RetentionPolicy.builder().delete("*").build());
    assertThat(RetentionPlan.fromJson(plan.toJson())).isEqualTo(plan);
    assertThat(plan.singleRepository()).contains("web");
  }
}
