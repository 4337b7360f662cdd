package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.Image;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Heap retained while streaming a long listing: not a JMH benchmark (JMH measures time), a plain main
 * meant for {@code java -XX:+UseSerialGC -Xmx256m -cp benchmarks.jar ...StreamingHeap}.
 *
 * <p>After one full warm-up listing (so that caches, pools and lazily built serializers exist), it forces a
 * full GC and reads the used heap: the floor. It then streams every image and, every
 * {@code images / 10} items, forces a full GC while the stream is open (its current page, the pages in
 * flight or buffered, the client) and reads the used heap again. Retained = the highest of those readings
 * minus the floor. As a control that the method can see growth, it also reports what {@code toList()}
 * of the same listing retains. The emulator runs in the same JVM; its state is part of the floor.
 *
 * <p>Arguments: {@code [images=10000] [parallelisms=1,4,8] [latencyMillis=0] [out.json]}.
 */
public final class StreamingHeap {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private StreamingHeap() {}

  /**
   * Runs the measurement and prints (and optionally writes) a JSON result.
   *
   * @param args see the class comment
   * @throws IOException when the result cannot be written
   */
  public static void main(String[] args) throws IOException {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String[] parallelisms = (args.length > 1 ? args[1] : "1,4,8").split(",");
    int latency = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    ObjectNode result = run(images, parallelisms, latency);
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    System.out.println(json);
    if (args.length > 3) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args[3]), result);
    }
  }

  /**
   * Measures.
   *
   * @param images how many images to list
   * @param parallelisms the paginator parallelisms to measure
   * @param latencyMillis emulator latency per page request
   * @return the result: per parallelism the retained bytes, plus the toList control
   */
  public static ObjectNode run(int images, String[] parallelisms, int latencyMillis) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode result = json.createObjectNode();
    result.put("images", images);
    result.put("latencyMillis", latencyMillis);
    result.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList().toString());
    result.put("maxHeapBytes", MEMORY.getHeapMemoryUsage().getMax());
    ArrayNode streaming = result.putArray("streaming");
    try (Fixture fixture = Fixture.start(images, Duration.ofMillis(latencyMillis));
        DockerHubClient hub = fixture.client()) {
      for (String p : parallelisms) {
        int n = Integer.parseInt(p.trim());
        Paginator<Image> list = hub.images(Fixture.USER, Fixture.REPO).list().parallelism(n);
        count(list); // warm-up
        long floor = usedAfterGc();
        long[] peak = {0};
        long every = Math.max(1, images / 10);
        long seen = 0;
        try (Stream<Image> stream = list.stream()) {
          Iterator<Image> it = stream.iterator();
          while (it.hasNext()) {
            it.next();
            seen++;
            if (seen % every == 0 && seen < images) {
              peak[0] = Math.max(peak[0], usedAfterGc());
            }
          }
        }
        check(seen, images);
        ObjectNode row = streaming.addObject();
        row.put("parallelism", n);
        row.put("floorBytes", floor);
        row.put("retainedBytes", Math.max(0, peak[0] - floor));
      }
      Paginator<Image> list = hub.images(Fixture.USER, Fixture.REPO).list();
      long floor = usedAfterGc();
      List<Image> all = list.toList();
      long held = usedAfterGc();
      check(all.size(), images);
      ObjectNode control = result.putObject("toList");
      control.put("retainedBytes", Math.max(0, held - floor));
      control.put("items", all.size());
    }
    return result;
  }

  private static long count(Paginator<Image> list) {
    try (Stream<Image> s = list.stream()) {
      return s.count();
    }
  }

  private static void check(long seen, int expected) {
    if (seen != expected) {
      throw new IllegalStateException("listed " + seen + " images, expected " + expected);
    }
  }

  /** Used heap after full collections; with SerialGC, System.gc() is a full, stop-the-world collection. */
  static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      MEMORY.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
