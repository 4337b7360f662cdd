package io.github.hubsdk.emulator.internal.server;

import static io.github.hubsdk.openapi.catalog.HubOperation.CREATE_ACCESS_TOKEN;
import static io.github.hubsdk.openapi.catalog.HubOperation.GET_ACCESS_TOKEN;
import static io.github.hubsdk.openapi.catalog.HubOperation.LIST_ACCESS_TOKENS;
import static io.github.hubsdk.openapi.catalog.HubOperation.LIST_AUDIT_LOGS;
import static io.github.hubsdk.openapi.catalog.HubOperation.LIST_AUDIT_LOG_ACTIONS;
import static io.github.hubsdk.openapi.catalog.HubOperation.LIST_IMAGE_TAGS;
import static io.github.hubsdk.openapi.catalog.HubOperation.LIST_REPOSITORY_IMAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.openapi.catalog.HubOperation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final Router router = new Router(List.of(HubOperation.values()));

  @Test
  void everyOperationOfTheCatalogueIsReachableOnItsOwnPathWithAndWithoutATrailingSlash() {
    for (HubOperation op : HubOperation.values()) {
      String path = op.path().replaceAll("\\{[^}]+}", "x");
      assertThat(router.match(op.method(), path).op()).as(op.operationId()).isEqualTo(op);
      assertThat(router.match(op.method(), path + "/").op()).as(op.operationId() + " with a slash").isEqualTo(op);
    }
  }

  @Test
  void pathParametersAreDecodedSegmentBySegment() {
    Router.Match m = router.match("GET", "/v2/namespaces/acme/repositories/web%2Fapp/images/sha256%3Aab/tags");
    assertThat(m.op()).isEqualTo(LIST_IMAGE_TAGS);
    assertThat(m.params()).isEqualTo(Map.of("namespace", "acme", "repository", "web/app", "digest", "sha256:ab"));
    assertThat(router.match("GET", "/v2/%61uditlogs/acme").op()).as("a static segment may be escaped")
        .isEqualTo(LIST_AUDIT_LOGS);
  }

  @Test
  void staticSegmentsWinOverParametersWithBacktracking() {
    Router r = Router.of(List.of(
        new Router.Route(LIST_AUDIT_LOGS, "/v2/things/{account}", false),
        new Router.Route(LIST_AUDIT_LOG_ACTIONS, "/v2/things/actions", false),
        new Router.Route(GET_ACCESS_TOKEN, "/v2/things/{uuid}/detail", false)));
    assertThat(r.match("GET", "/v2/things/actions").op()).isEqualTo(LIST_AUDIT_LOG_ACTIONS);
    assertThat(r.match("GET", "/v2/things/acme").op()).isEqualTo(LIST_AUDIT_LOGS);
    assertThat(r.match("GET", "/v2/things/actions/detail").op()).as("backtracks to the parameter")
        .isEqualTo(GET_ACCESS_TOKEN);
    assertThat(r.match("GET", "/v2/things/actions/detail").params()).containsEntry("uuid", "actions");
  }

  @Test
  void legacyPathsLeadToTheSameOperationFlaggedAsLegacy() {
    Router r = Router.of(List.of(
        new Router.Route(LIST_REPOSITORY_IMAGES, "/v2/namespaces/{namespace}/repositories/{repository}/images", false),
        new Router.Route(LIST_REPOSITORY_IMAGES, "/v2/repositories/{ns}/{repo}/images", true)));
    Router.Match legacy = r.match("GET", "/v2/repositories/acme/web/images/");
    assertThat(legacy.op()).isEqualTo(LIST_REPOSITORY_IMAGES);
    assertThat(legacy.legacy()).isTrue();
    assertThat(legacy.params()).containsEntry("ns", "acme").containsEntry("repo", "web");
    assertThat(r.match("GET", "/v2/namespaces/acme/repositories/web/images").legacy()).isFalse();
    assertThatThrownBy(() -> Router.of(List.of(
        new Router.Route(LIST_ACCESS_TOKENS, "/v2/a/{x}", false),
        new Router.Route(GET_ACCESS_TOKEN, "/v2/a/{y}", true))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("same shape");
  }

  @Test
  void unknownPathsAndWrongMethodsAreTold() {
    Router.Match unknown = router.match("GET", "/v2/nothing/here");
    assertThat(unknown.found()).isFalse();
    assertThat(unknown.allowed()).isEmpty();
    Router.Match wrongMethod = router.match("PUT", "/v2/access-tokens/");
    assertThat(wrongMethod.found()).isFalse();
    assertThat(wrongMethod.allowed()).containsExactly("GET", "POST");
    assertThat(router.match("POST", "/v2/access-tokens").op()).isEqualTo(CREATE_ACCESS_TOKEN);
    assertThat(router.match("GET", "/v2//access-tokens").found()).as("an empty segment is no path").isFalse();
    assertThat(router.match("GET", "/").found()).isFalse();
    assertThatThrownBy(() -> router.match("GET", "/v2/access-tokens/%zz"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
