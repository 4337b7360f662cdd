package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cold start: from JVM start to the first completed call, SDK against baseline. Starts one emulator,
 * then launches {@code runs} fresh {@code java -cp <this jar> ...FirstCall sdk|baseline} processes per
 * side, alternating, and reports medians of (a) wall time from process launch to the child's
 * {@code FIRST_CALL_DONE} line, measured here, (b) the child's time since JVM start
 * ({@code RuntimeMXBean.getStartTime()}) and (c) the child's time since {@code main} began.
 *
 * <p>Arguments: {@code [runs=10] [out.json] [extra JVM options for the children...]}.
 */
public final class ColdStart {

  private ColdStart() {}

  /**
   * Runs the measurement.
   *
   * @param args see the class comment
   * @throws Exception when a child fails
   */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<String> jvmOptions = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      jvmOptions.add(args[i]);
    }
    ObjectNode result = run(runs, jvmOptions);
    String out = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    System.out.println(out);
    if (args.length > 1 && !args[1].isEmpty()) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args[1]), result);
    }
  }

  static ObjectNode run(int runs, List<String> jvmOptions) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    ObjectNode result = new ObjectMapper().createObjectNode();
    result.put("runs", runs);
    result.put("jvmOptions", String.join(" ", jvmOptions));
    try (Fixture fixture = Fixture.start(CallOverheadBenchmark.IMAGES, Duration.ZERO)) {
      List<List<double[]>> samples = List.of(new ArrayList<>(), new ArrayList<>());
      String[] modes = {"sdk", "baseline"};
      // One untimed launch of each first: the OS file cache then holds the jar and the JDK for every timed run.
      for (String mode : modes) {
        launch(java, classpath, jvmOptions, mode, fixture);
      }
      for (int i = 0; i < runs; i++) {
        for (int m = 0; m < modes.length; m++) {
          // Alternate which side goes first so that drifting machine load hits both alike.
          int idx = (i % 2 == 0) ? m : modes.length - 1 - m;
          samples.get(idx).add(launch(java, classpath, jvmOptions, modes[idx], fixture));
        }
      }
      for (int m = 0; m < modes.length; m++) {
        ObjectNode side = result.putObject(modes[m]);
        side.put("launchToFirstCallMillisMedian", median(samples.get(m), 0));
        side.put("jvmStartToFirstCallMillisMedian", median(samples.get(m), 1));
        side.put("mainToFirstCallMillisMedian", median(samples.get(m), 2));
        ArrayNode raw = side.putArray("launchToFirstCallMillis");
        samples.get(m).forEach(s -> raw.add(round(s[0])));
      }
    }
    return result;
  }

  private static double[] launch(String java, String classpath, List<String> jvmOptions, String mode, Fixture fixture)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(FirstCall.class.getName());
    command.add(mode);
    command.add(fixture.baseUrl());
    command.add(fixture.tokenId().toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = pb.start();
    String done = null;
    StringBuilder output = new StringBuilder();
    long doneAt = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("FIRST_CALL_DONE ") && done == null) {
          doneAt = System.nanoTime();
          done = line;
        } else {
          output.append(line).append('\n');
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || done == null) {
      throw new IllegalStateException(mode + " child failed (exit " + exit + "):\n" + output);
    }
    String[] parts = done.split(" ");
    return new double[] {(doneAt - start) / 1e6, Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
  }

  private static double median(List<double[]> samples, int index) {
    List<Double> values = new ArrayList<>();
    samples.forEach(s -> values.add(s[index]));
    Collections.sort(values);
    int n = values.size();
    double m = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    return round(m);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
