package io.github.hubsdk.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's throughput (issue 16): requests per second at 8 client threads for two real operations
 * ({@code getAccessToken}, and one page of 100 images), against WireMock 3.13 serving the emulator's own
 * answer to the same request, byte for byte and with the same headers, as a canned stub. Both servers run
 * in this JVM (the emulator with its default request log of 10,000, WireMock without its journal unless
 * {@code -Dwiremock.journal=true}) and are driven by the same client ({@code java.net.http}, HTTP/1.1, keep-alive), one
 * side after the other, alternating which goes first. The emulator does the real work (route, JWT check,
 * store lookup under its read lock, model, JSON); WireMock matches a stub and writes bytes.
 *
 * <p>Arguments: {@code <seconds per measurement> <rounds> [out.json]}.
 */
public final class EmulatorThroughput {

  private static final int THREADS = 8;

  private EmulatorThroughput() {}

  /**
   * Runs the comparison and prints (and writes) JSON.
   *
   * @param args see the class comment
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    ObjectNode result = run(Duration.ofSeconds(seconds), rounds);
    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    if (args.length > 2) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args[2]), result);
    }
    // The HTTP client's executor threads would keep the JVM alive.
    System.exit(0);
  }

  static ObjectNode run(Duration each, int rounds) throws Exception {
    ObjectNode result = new ObjectMapper().createObjectNode();
    result.put("threads", THREADS);
    result.put("secondsPerMeasurement", each.toMillis() / 1000.0);
    result.put("wiremockJournal", Boolean.parseBoolean(System.getProperty("wiremock.journal", "false"))
        ? "bounded at 10,000" : "off");
    ArrayNode ops = result.putArray("operations");
    ExecutorService clientThreads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "throughput-client");
      t.setDaemon(true);
      return t;
    });
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
    try (Fixture fixture = Fixture.startRecording(CallOverheadBenchmark.IMAGES)) {
      Baseline login = fixture.baseline();
      String bearer = login.authorization();
      WireMockConfiguration config = options().dynamicPort().bindAddress("127.0.0.1");
      // By default WireMock keeps no request journal: its fastest setting, while the emulator keeps its
      // (bounded) request log, so the comparison is conservative. -Dwiremock.journal=true bounds
      // WireMock's journal at the emulator's 10,000 instead (its bounded journal costs it more per request).
      config = Boolean.parseBoolean(System.getProperty("wiremock.journal", "false"))
          ? config.maxRequestJournalEntries(10_000) : config.disableRequestJournal();
      WireMockServer wiremock = new WireMockServer(config);
      wiremock.start();
      try {
        String token = "/v2/access-tokens/" + fixture.tokenId();
        String images = "/v2/namespaces/" + Fixture.USER + "/repositories/" + Fixture.REPO + "/images";
        for (String[] op : new String[][] {{"getAccessToken", token, ""}, {"listRepositoryImages", images,
            "?page=1&page_size=100"}}) {
          URI onEmulator = URI.create(fixture.baseUrl() + op[1] + op[2]);
          HttpResponse<byte[]> real = http.send(request(onEmulator, bearer), HttpResponse.BodyHandlers.ofByteArray());
          if (real.statusCode() != 200) {
            throw new IllegalStateException(op[0] + " answered " + real.statusCode());
          }
          ResponseDefinitionBuilder canned = aResponse().withStatus(200).withBody(real.body());
          real.headers().map().forEach((k, v) -> {
            if (k.equalsIgnoreCase("content-type") || k.toLowerCase().startsWith("x-ratelimit")) {
              canned.withHeader(k, v.get(0));
            }
          });
          wiremock.stubFor(get(urlPathEqualTo(op[1])).willReturn(canned));
          URI onWiremock = URI.create(wiremock.baseUrl() + op[1] + op[2]);
          ObjectNode row = ops.addObject();
          row.put("operation", op[0]);
          row.put("answerBytes", real.body().length);
          // Warm both up (JIT, connections) before anything is counted.
          // As long as a measurement: WireMock's JIT warm-up is slow (its first seconds run at a tenth of
          // its later rate), and a short warm-up would flatter the emulator.
          Duration warmUp = each;
          drive(http, onEmulator, bearer, warmUp, real.body().length);
          drive(http, onWiremock, bearer, warmUp, real.body().length);
          ArrayNode runs = row.putArray("runs");
          for (int round = 1; round <= rounds; round++) {
            boolean emulatorFirst = round % 2 == 1;
            double e = 0;
            double w = 0;
            for (int side = 0; side < 2; side++) {
              boolean emulator = (side == 0) == emulatorFirst;
              double rps = drive(http, emulator ? onEmulator : onWiremock, bearer, each, real.body().length);
              if (emulator) {
                e = rps;
              } else {
                w = rps;
              }
            }
            ObjectNode r = runs.addObject();
            r.put("round", round);
            r.put("emulatorRps", e);
            r.put("wiremockRps", w);
            r.put("ratio", e / w);
          }
        }
      } finally {
        wiremock.stop();
      }
    }
    clientThreads.shutdownNow();
    return result;
  }

  private static HttpRequest request(URI uri, String bearer) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
        .header("Authorization", bearer).GET().build();
  }

  /** Requests per second that {@value #THREADS} threads get answered in {@code time}; each answer checked. */
  private static double drive(HttpClient http, URI uri, String bearer, Duration time, int expectedBytes)
      throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong done = new AtomicLong();
    HttpRequest request = request(uri, bearer);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        while (running.get()) {
          HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200 || r.body().length != expectedBytes) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + " with " + r.body().length + " bytes");
          }
          done.incrementAndGet();
        }
        return null;
      }));
    }
    Thread.sleep(time.toMillis());
    running.set(false);
    for (Future<?> w : workers) {
      w.get();
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    return done.get() * 1e9 / elapsed;
  }
}
