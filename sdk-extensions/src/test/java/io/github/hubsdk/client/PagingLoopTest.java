package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.PagingLoopException;
import io.github.hubsdk.openapi.model.AccessToken;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listing that would never end stops with a {@link PagingLoopException}, after what it delivered. */
class PagingLoopTest {

  private static final String JWT = TestSupport.jwt("mona", TestSupport.T0.plusSeconds(36_000_000));
  private RawServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private DockerHubClient client(int maxPages) {
    return DockerHubClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.bearer(JWT))
        .maxPagesPerListing(maxPages).build();
  }

  private String page(int n, String next) {
    return "{\"count\": 1000, \"next\": " + (next == null ? "null" : "\"" + next + "\"") + ", \"previous\": null,"
        + " \"active_count\": 1, \"results\": [" + TestSupport.accessTokenJson(TestSupport.UUID_1, "t" + n, "") + "]}";
  }

  @Test
  void aNextLinkBackToAPageAlreadyReadEndsTheListing() throws Exception {
    server = new RawServer((r, out, s) -> {
      // page 2 links to itself, for ever
      String self = "http://127.0.0.1:" + s.getLocalPort() + "/v2/access-tokens?page=2&page_size=100";
      return RawServer.json(out, 200, page(r.target().contains("page=2") ? 2 : 1, self));
    });
    List<String> seen = new ArrayList<>();
    try (DockerHubClient client = client(10_000)) {
      assertThatThrownBy(() -> client.accessTokens().list().forEach(t -> seen.add(t.getTokenLabel())))
          .isInstanceOfSatisfying(PagingLoopException.class, e -> {
            assertThat(e.operation()).isEqualTo("listAccessTokens");
            assertThat(e.pageNumber()).isEqualTo(3);
          })
          .hasMessageContaining("points back");
    }
    assertThat(seen).containsExactly("t1", "t2");
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void aNumberedListingWhoseServerIgnoresThePageNumberEnds() throws Exception {
    StringBuilder full = new StringBuilder("{\"logs\": [");
    for (int i = 0; i < 25; i++) {
      full.append(i == 0 ? "" : ",").append("{\"account\":\"acme\",\"action\":\"repo.create\",\"name\":\"acme/web\","
          + "\"actor\":\"mona\",\"data\":{},\"timestamp\":\"2026-11-26T09:00:0").append(i % 10).append("Z\","
          + "\"action_description\":\"created\"}");
    }
    full.append("]}");
    server = new RawServer((r, out, s) -> RawServer.json(out, 200, full.toString()));
    try (DockerHubClient client = client(10_000)) {
      assertThatThrownBy(() -> client.auditLogs("acme").list().pageSize(25).toList())
          .isInstanceOf(PagingLoopException.class).hasMessageContaining("repeats the previous one");
    }
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void aListingStopsAtItsPageLimit() throws Exception {
    server = new RawServer((r, out, s) -> {
      int n = r.target().contains("page=") && !r.target().contains("page=1&")
          ? Integer.parseInt(r.target().replaceAll(".*[?&]page=(\\d+).*", "$1")) : 1;
      String next = "http://127.0.0.1:" + s.getLocalPort() + "/v2/access-tokens?page=" + (n + 1) + "&page_size=100";
      return RawServer.json(out, 200, page(n, next));
    });
    List<AccessToken> seen = new ArrayList<>();
    try (DockerHubClient client = client(5)) {
      assertThatThrownBy(() -> client.accessTokens().list().forEach(seen::add))
          .isInstanceOf(PagingLoopException.class).hasMessageContaining("more than 5 pages");
      assertThat(seen).hasSize(5);
      assertThat(client.accessTokens().list().limit(3).toList()).as("a limit within the cap").hasSize(3);
      assertThatThrownBy(() -> client.accessTokens().list().maxPages(2).toList())
          .isInstanceOf(PagingLoopException.class).hasMessageContaining("more than 2 pages");
    }
  }
}
