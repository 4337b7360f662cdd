package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.client.error.MalformedResponseException;
import io.github.hubsdk.client.error.ResponseTooLargeException;
import io.github.hubsdk.client.error.ServerErrorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every body the client reads is bounded: an endless or oversized success body stops at the limit and drops
 * the connection, an error body is read to its first 64 KiB, a compressed body is never inflated, and the
 * wire log never turns more of a body into text than it prints.
 */
class BodyLimitTest {

  private static final String JWT = TestSupport.jwt("mona", TestSupport.T0.plusSeconds(36_000_000));
  private RawServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private DockerHubClient client(long maxBytes) {
    return DockerHubClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.bearer(JWT))
        .maxResponseBytes(maxBytes).retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void anEndlessBodyStopsAtTheLimitAndTheConnectionIsDropped() throws Exception {
    AtomicBoolean writerStopped = new AtomicBoolean();
    server = new RawServer((r, out, s) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[8192];
      Arrays.fill(chunk, (byte) ' ');
      String size = Integer.toHexString(chunk.length) + "\r\n";
      try {
        for (long i = 0; i < 1_000_000; i++) { // 8 GB if nobody stops it
          out.write(size.getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException clientHungUp) {
        writerStopped.set(true);
      }
      return false;
    });
    try (DockerHubClient client = client(256 * 1024)) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1))
          .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
            assertThat(e.limit()).isEqualTo(256 * 1024);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.operation()).isEqualTo("getAccessToken");
          });
    }
    for (int i = 0; i < 100 && !writerStopped.get(); i++) {
      Thread.sleep(50);
    }
    assertThat(writerStopped).as("the connection was dropped, not drained").isTrue();
  }

  @Test
  void aBodyWithADeclaredLengthOverTheLimitIsRefusedToo() throws Exception {
    String big = "{\"token_label\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    server = new RawServer((r, out, s) -> RawServer.json(out, 200, big));
    try (DockerHubClient client = client(1024 * 1024)) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1)).isInstanceOf(ResponseTooLargeException.class);
    }
    try (DockerHubClient client = client(DockerHubClient.DEFAULT_MAX_RESPONSE_BYTES)) {
      assertThat(client.accessTokens().get(UUID_1).getTokenLabel()).as("under the default limit it is read")
          .hasSize(2 * 1024 * 1024);
    }
  }

  @Test
  void aCompressedBodyIsNeverInflated() throws Exception {
    byte[] bomb = gzipOfZeros(64 * 1024 * 1024); // 64 MiB of zeros: ~64 KiB on the wire
    server = new RawServer((r, out, s) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
          + bomb.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bomb);
      out.flush();
      return true;
    });
    try (DockerHubClient client = client(DockerHubClient.DEFAULT_MAX_RESPONSE_BYTES)) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1)).isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("not JSON");
    }
    assertThat(server.requests.get(0).header("Accept-Encoding")).as("the client never asks for compression").isNull();
  }

  @Test
  void anErrorBodyIsReadToItsFirst64KiBOnly() throws Exception {
    String huge = "{\"detail\":\"" + "e".repeat(5 * 1024 * 1024) + "\"}";
    server = new RawServer((r, out, s) -> RawServer.json(out, 500, huge));
    try (DockerHubClient client = client(DockerHubClient.DEFAULT_MAX_RESPONSE_BYTES)) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1))
          .isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage().length()).isLessThan(1000);
          });
    }
  }

  @Test
  void theWireLogPrintsAtMost8KiBOfABody() throws Exception {
    String big = "{\"detail\":\"" + "d".repeat(1024 * 1024) + "\"}";
    server = new RawServer((r, out, s) -> RawServer.json(out, 404, big));
    Logger wire = (Logger) LoggerFactory.getLogger(RedactingLogger.LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Level before = wire.getLevel();
    wire.setLevel(Level.DEBUG);
    wire.addAppender(logs);
    try (DockerHubClient client = client(DockerHubClient.DEFAULT_MAX_RESPONSE_BYTES)) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1)).isInstanceOf(
          io.github.hubsdk.client.error.NotFoundException.class);
    } finally {
      wire.detachAppender(logs);
      wire.setLevel(before);
    }
    assertThat(logs.list).isNotEmpty().allSatisfy(e ->
        assertThat(e.getFormattedMessage().length()).isLessThan(RedactingLogger.MAX_BODY_LOG + 2048));
  }

  @Test
  void aStalledBodyEndsAtTheReadTimeout() throws Exception {
    server = new RawServer((r, out, s) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"uuid\":")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    });
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(server.baseUrl())
        .credentials(Credentials.bearer(JWT)).readTimeout(Duration.ofMillis(300)).build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1)).isInstanceOf(DockerHubTransportException.class)
          .hasMessageContaining("read timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(server.requests).as("a timeout is not retried").hasSize(1);
  }

  private static byte[] gzipOfZeros(int size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < size / zeros.length; i++) {
        gz.write(zeros);
      }
    }
    return bytes.toByteArray();
  }
}
