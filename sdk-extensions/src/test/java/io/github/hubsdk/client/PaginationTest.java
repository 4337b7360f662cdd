package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.UntrustedNextLinkException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.ImageStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaginationTest {

  private static final String TOKENS = "GET /v2/access-tokens";
  private static final String AUDIT = "GET /v2/auditlogs/acme";

  private HubStub stub;
  private DockerHubClient hub;

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.bearer("jwt.for.tests"))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    hub.close();
    stub.close();
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new TreeMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  static String label(int i) {
    return "token-" + i;
  }

  /**
   * Serves {@code total} access tokens in the linked shape. Next links carry an extra encoded parameter
   * the client cannot invent, so following them exactly is observable.
   */
  private List<String> serveTokens(int total) {
    List<String> nextLinks = new ArrayList<>();
    stub.on(TOKENS, r -> {
      Map<String, String> q = query(r.rawQuery());
      int page = Integer.parseInt(q.getOrDefault("page", "1"));
      int size = Integer.parseInt(q.getOrDefault("page_size", "10"));
      int from = (page - 1) * size;
      int to = Math.min(total, from + size);
      String results = IntStream.range(Math.min(from, total), to)
          .mapToObj(i -> TestSupport.accessTokenJson(new UUID(0, i).toString(), label(i), ""))
          .collect(Collectors.joining(","));
      String next = "null";
      if (to < total) {
        String link = stub.baseUrl() + "/v2/access-tokens?page=" + (page + 1) + "&page_size=" + size
            + "&cursor=p" + (page + 1) + "%2Fx%20y";
        synchronized (nextLinks) {
          nextLinks.add(link);
        }
        next = "\"" + link + "\"";
      }
      return json(200, "{\"count\":" + total + ",\"next\":" + next + ",\"previous\":null,\"active_count\":" + total
          + ",\"results\":[" + results + "]}");
    });
    return nextLinks;
  }

  private void serveAudit(int total) {
    stub.on(AUDIT, r -> {
      Map<String, String> q = query(r.rawQuery());
      int page = Integer.parseInt(q.getOrDefault("page", "1"));
      int size = Integer.parseInt(q.getOrDefault("page_size", "25"));
      int from = (page - 1) * size;
      String logs = IntStream.range(Math.min(from, total), Math.min(total, from + size))
          .mapToObj(i -> "{\"account\":\"acme\",\"action\":\"repo.tag.push\",\"name\":\"acme/web\",\"actor\":\"mona\","
              + "\"data\":{\"n\":\"" + i + "\"},\"timestamp\":\"2026-11-20T08:15:00Z\",\"action_description\":\"e" + i + "\"}")
          .collect(Collectors.joining(","));
      return json(200, "{\"logs\":[" + logs + "]}");
    });
  }

  @ParameterizedTest(name = "{0} tokens in pages of {1}: {2} requests")
  @CsvSource({
      "0, 100, 1",   // empty
      "3, 100, 1",   // one partial page
      "4, 2, 2",     // exactly full pages: the last full page has no next link
      "95, 10, 10",  // many pages
      "100, 100, 1"  // exactly one full page
  })
  void linkedShapeFollowsNextExactly(int total, int pageSize, int requests) {
    List<String> nextLinks = serveTokens(total);
    List<AccessToken> all = hub.accessTokens().list().pageSize(pageSize).toList();

    assertThat(all).extracting(AccessToken::getTokenLabel)
        .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(PaginationTest::label).toList());
    List<HubStub.Recorded> sent = stub.requests(TOKENS);
    assertThat(sent).hasSize(requests);
    assertThat(query(sent.get(0).rawQuery())).containsEntry("page", "1").containsEntry("page_size", "" + pageSize);
    assertThat(sent.subList(1, sent.size())).extracting(r -> stub.baseUrl() + r.pathAndQuery())
        .containsExactlyElementsOf(nextLinks);
  }

  @ParameterizedTest(name = "{0} events in pages of {1}: {2} requests")
  @CsvSource({
      "0, 25, 1",    // empty
      "7, 25, 1",    // one partial page
      "10, 5, 3",    // exactly full pages: an empty third page ends it
      "50, 7, 8",    // many pages, the last one short
      "25, 25, 2"
  })
  void numberedShapeStopsAtTheFirstShortPage(int total, int pageSize, int requests) {
    serveAudit(total);
    List<AuditLogEvent> all = hub.auditLogs("acme").list().pageSize(pageSize).toList();

    assertThat(all).extracting(e -> e.getData().get("n"))
        .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(String::valueOf).toList());
    List<HubStub.Recorded> sent = stub.requests(AUDIT);
    assertThat(sent).hasSize(requests);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(query(sent.get(i).rawQuery())).containsEntry("page", "" + (i + 1))
          .containsEntry("page_size", "" + pageSize);
    }
  }

  @Test
  void numberedShapeTreats404AfterAFullPageAsTheEnd() {
    stub.on(AUDIT, r -> query(r.rawQuery()).get("page").equals("1")
        ? json(200, "{\"logs\":[" + String.join(",", java.util.Collections.nCopies(2,
            "{\"account\":\"acme\",\"action\":\"a\",\"name\":\"n\",\"actor\":\"m\",\"data\":{},"
                + "\"timestamp\":\"2026-11-20T08:15:00Z\",\"action_description\":\"d\"}")) + "]}")
        : json(404, "{\"code\":5,\"message\":\"not found\",\"details\":[]}"));
    assertThat(hub.auditLogs("acme").list().pageSize(2).toList()).hasSize(2);
  }

  @Test
  void auditFiltersAreSent() {
    serveAudit(0);
    hub.auditLogs("acme").list(AuditLogFilter.builder().action("repo.tag.push").actor("mona").name("acme/web")
        .from(OffsetDateTime.parse("2026-10-26T02:00+02:00")).to(OffsetDateTime.parse("2026-11-26T00:00Z")).build())
        .toList();
    assertThat(query(stub.requests(AUDIT).get(0).rawQuery())).containsEntry("action", "repo.tag.push")
        .containsEntry("actor", "mona").containsEntry("name", "acme/web").containsEntry("from", "2026-10-26T00:00:00Z")
        .containsEntry("to", "2026-11-26T00:00:00Z").containsEntry("page_size", "100");
  }

  @Test
  void defaultPageSizeIsTheApiMaximum() {
    serveTokens(1);
    hub.accessTokens().list().toList();
    assertThat(query(stub.requests(TOKENS).get(0).rawQuery())).containsEntry("page_size", "100");
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedAndNeverRequested() throws Exception {
    try (HubStub evil = new HubStub()) {
      evil.on(TOKENS, r -> json(200, "{\"count\":0,\"next\":null,\"previous\":null,\"active_count\":0,\"results\":[]}"));
      String[] foreign = {
          evil.baseUrl() + "/v2/access-tokens?page=2",                       // other port
          "https://127.0.0.1:" + stub.port() + "/v2/access-tokens?page=2",   // other scheme
          "http://localhost:" + stub.port() + "/v2/access-tokens?page=2",    // other host name
          "http://user:s3cret@127.0.0.1:" + stub.port() + "/v2/access-tokens?page=2" // smuggled user info
      };
      for (String link : foreign) {
        stub.on(TOKENS, r -> json(200, "{\"count\":2,\"next\":\"" + link + "\",\"previous\":null,\"active_count\":2,"
            + "\"results\":[" + TestSupport.accessTokenJson(new UUID(0, 1).toString(), "first", "") + "]}"));
        Iterator<AccessToken> it = hub.accessTokens().list().iterator();
        assertThat(it.next().getTokenLabel()).isEqualTo("first");
        assertThatThrownBy(it::hasNext).isInstanceOf(UntrustedNextLinkException.class)
            .hasMessageNotContaining("s3cret")
            .hasMessageContaining("listAccessTokens")
            .satisfies(e -> assertThat(((UntrustedNextLinkException) e).link().toString()).isEqualTo(link));
      }
      assertThat(evil.requests()).isEmpty();
      assertThat(stub.requests(TOKENS)).hasSize(foreign.length);
    }
  }

  @Test
  void aFailureMidIterationIsThrownNotASilentlyShortList() {
    serveTokens(30);
    stub.on(TOKENS, wrapFailingPage(stub, 2));
    assertThatThrownBy(() -> hub.accessTokens().list().pageSize(10).toList()).isInstanceOf(ServerErrorException.class);
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> hub.accessTokens().list().pageSize(10).forEach(t -> seen.add(t.getTokenLabel())))
        .isInstanceOf(ServerErrorException.class);
    assertThat(seen).hasSize(10);
  }

  private static HubStub.Handler wrapFailingPage(HubStub stub, int failingPage) {
    return r -> {
      Map<String, String> q = query(r.rawQuery());
      int page = Integer.parseInt(q.getOrDefault("page", "1"));
      if (page == failingPage) {
        return json(500, "{\"detail\":\"boom\"}");
      }
      String results = IntStream.range(0, 10).mapToObj(i -> TestSupport.accessTokenJson(new UUID(page, i).toString(),
          "p" + page + "-" + i, "")).collect(Collectors.joining(","));
      return json(200, "{\"count\":30,\"next\":\"" + stub.baseUrl() + "/v2/access-tokens?page=" + (page + 1)
          + "&page_size=10\",\"previous\":null,\"active_count\":30,\"results\":[" + results + "]}");
    };
  }

  @Test
  void limitStopsFetchingAndAsksForNoMoreThanNeeded() {
    serveTokens(95);
    assertThat(hub.accessTokens().list().pageSize(10).limit(25).toList()).hasSize(25);
    assertThat(stub.requests(TOKENS)).hasSize(3);

    assertThat(hub.accessTokens().list().limit(5).toList()).hasSize(5);
    assertThat(query(stub.requests(TOKENS).get(3).rawQuery())).containsEntry("page_size", "5");

    assertThat(hub.accessTokens().list().limit(0).toList()).isEmpty();
    assertThat(stub.requests(TOKENS)).hasSize(4);
  }

  @Test
  void firstPageCarriesTheTotalCount() {
    serveTokens(42);
    Page<AccessToken> first = hub.accessTokens().list().pageSize(10).firstPage();
    assertThat(first.totalCount()).hasValue(42);
    assertThat(first.items()).hasSize(10);
    assertThat(first.hasNext()).isTrue();
    assertThat(first.next()).isPresent();
    assertThat(stub.requests(TOKENS)).hasSize(1);
  }

  @Test
  void pagesAndStreamsAreLazy() {
    serveTokens(95);
    Paginator<AccessToken> tokens = hub.accessTokens().list().pageSize(10);
    java.util.stream.Stream<AccessToken> stream = tokens.stream();
    assertThat(stub.requests()).as("nothing is fetched before a terminal operation").isEmpty();
    assertThat(stream.skip(12).findFirst().orElseThrow().getTokenLabel()).isEqualTo("token-12");
    assertThat(stub.requests(TOKENS)).hasSize(2);

    List<Page<AccessToken>> pages = tokens.pages().toList();
    assertThat(pages).hasSize(10);
    assertThat(pages).extracting(Page::pageNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(pages.get(9).items()).hasSize(5);
    assertThat(pages.get(9).hasNext()).isFalse();
  }

  @Test
  void pageSizeIsChecked() {
    Paginator<AccessToken> tokens = hub.accessTokens().list();
    assertThatThrownBy(() -> tokens.pageSize(0)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> tokens.pageSize(101)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> tokens.limit(-1)).isInstanceOf(InvalidRequestException.class);
    assertThat(tokens.pageSize(1).pageSize()).isEqualTo(1);
    assertThat(tokens.pageSize(100).pageSize()).isEqualTo(100);
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void imagesAndTagsPaginateWithTheirFilters() {
    String images = "GET /v2/namespaces/acme/repositories/web/images";
    String image = "{\"namespace\":\"acme\",\"repository\":\"web\",\"digest\":\"" + DIGEST + "\",\"tags\":[],"
        + "\"last_pushed\":null,\"last_pulled\":null,\"status\":\"active\"}";
    stub.on(images, r -> query(r.rawQuery()).get("page").equals("1")
        ? json(200, "{\"count\":2,\"next\":\"" + stub.baseUrl()
            + "/v2/namespaces/acme/repositories/web/images?page=2&page_size=1&status=active\",\"previous\":null,"
            + "\"results\":[" + image + "]}")
        : json(200, "{\"count\":2,\"next\":null,\"previous\":null,\"results\":[" + image + "]}"));
    String tags = "GET /v2/namespaces/acme/repositories/web/images/" + DIGEST.replace(":", "%3A") + "/tags";
    stub.on(tags, r -> json(200, "{\"count\":1,\"next\":null,\"previous\":null,"
        + "\"results\":[{\"tag\":\"latest\",\"is_current\":true}]}"));

    assertThat(hub.images("acme", "web").list(ImageFilter.builder().status(ImageStatus.ACTIVE).currentlyTagged(true)
        .ordering(ImageFilter.Ordering.LAST_ACTIVITY_DESCENDING).build()).pageSize(1).toList()).hasSize(2);
    assertThat(query(stub.requests(images).get(0).rawQuery())).containsEntry("status", "active")
        .containsEntry("currently_tagged", "true").containsEntry("ordering", "-last_activity")
        .containsEntry("page", "1").containsEntry("page_size", "1");
    assertThat(stub.requests(images).get(1).rawQuery()).isEqualTo("page=2&page_size=1&status=active");

    assertThat(hub.images("acme", "web").tags(DIGEST).toList()).extracting(t -> t.getTag()).containsExactly("latest");
  }

  @Test
  void paginatorWorksWithAnyFetcher() {
    List<Integer> data = IntStream.range(0, 23).boxed().toList();
    List<Integer> asked = new ArrayList<>();
    Paginator<Integer> p = Paginator.of(req -> {
      asked.add(req.pageNumber());
      int from = Math.min(data.size(), (req.pageNumber() - 1) * req.pageSize());
      return Page.numbered(data.subList(from, Math.min(data.size(), from + req.pageSize())), req);
    });
    assertThat(p.pageSize(5).toList()).isEqualTo(data);
    assertThat(asked).containsExactly(1, 2, 3, 4, 5);
    assertThat(p.pageSize(5).limit(7).pages().map(pg -> pg.items().size()).toList()).containsExactly(5, 2);
  }

  @Test
  void aPageCutByTheLimitKeepsWhatTheServerSaidAboutMore() {
    // A server that sends more items than asked, with no next link and no count: the last page it is.
    Paginator<Integer> oversized = Paginator.of(req -> Page.linked(List.of(1, 2, 3, 4, 5, 6, 7, 8), null, null, req));
    List<Page<Integer>> pages = oversized.pageSize(5).limit(5).pages().toList();
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).items()).containsExactly(1, 2, 3, 4, 5);
    assertThat(pages.get(0).hasNext()).isFalse();
  }
}
