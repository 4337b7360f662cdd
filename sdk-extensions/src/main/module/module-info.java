/**
 * The Docker Hub client: {@link io.github.hubsdk.client.DockerHubClient} and its operation groups, typed
 * errors and paging, over the JDK's HTTP client.
 */
module io.github.hubsdk.client {
  requires transitive io.github.hubsdk.openapi;
  requires transitive java.net.http;
  requires org.slf4j;

  exports io.github.hubsdk.client;
  exports io.github.hubsdk.client.error;
  exports io.github.hubsdk.client.paging;
  exports io.github.hubsdk.client.retention;
}
