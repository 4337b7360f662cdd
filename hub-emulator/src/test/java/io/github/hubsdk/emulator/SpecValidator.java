package io.github.hubsdk.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ExchangeListener} that checks every response the emulator sends against
 * spec/docker-hub-api.yaml (the classpath resource of the hubsdk-spec module) and keeps every mismatch,
 * so that a test fails when the emulator answers anything the spec does not document.
 */
final class SpecValidator implements ExchangeListener {

  private static final OpenApiInteractionValidator VALIDATOR = load();

  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final AtomicInteger validated = new AtomicInteger();

  private static OpenApiInteractionValidator load() {
    try (InputStream in = SpecValidator.class.getResourceAsStream("/docker-hub-api.yaml")) {
      if (in == null) {
        throw new IllegalStateException("docker-hub-api.yaml is not on the test classpath");
      }
      return OpenApiInteractionValidator.createForInlineApiSpecification(
          new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onExchange(Exchange exchange) {
    // A listener that throws turns the emulator's answer into a 500, which would change the behaviour the
    // test is checking and hide the cause behind a status mismatch; a validator bug is recorded as a
    // failure instead, and closeAndCheckSpec reports it with its message.
    try {
      validate(exchange);
    } catch (RuntimeException e) {
      failures.add("validator failed on " + exchange.request().method() + " " + exchange.request().target()
          + ": " + e);
    }
  }

  private void validate(Exchange exchange) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    if (exchange.responseBody() != null) {
      response.withBody(exchange.responseBody());
    }
    for (Map.Entry<String, List<String>> h : exchange.responseHeaders().entrySet()) {
      response.withHeader(h.getKey(), h.getValue());
    }
    ValidationReport report;
    synchronized (VALIDATOR) {
      report = VALIDATOR.validateResponse(canonicalPath(exchange.request().method(), specPath(exchange.request().path())),
          Request.Method.valueOf(exchange.request().method()), response.build());
    }
    validated.incrementAndGet();
    if (report.hasErrors()) {
      failures.add(exchange.request().method() + " " + exchange.request().target() + " -> " + exchange.status()
          + " " + exchange.responseBody() + "\n    " + report.getMessages());
    }
    if (exchange.status() >= 200 && exchange.status() < 300 && !exchange.injected()) {
      checkAcceptedRequest(exchange.request());
    }
  }

  /**
   * A request the emulator accepted (2xx) must be one the spec allows, with two exceptions where the
   * emulator is as lenient as the live Hub: an oversized {@code page_size} is capped at 100 instead of
   * rejected, and unknown body fields (e.g. {@code scopes} in a PATCH) are ignored.
   */
  private void checkAcceptedRequest(RecordedRequest request) {
    // Two things the spec documents in prose rather than per path: a trailing slash is optional on every
    // path, and the older "Authorization: JWT <token>" scheme is accepted wherever Bearer is.
    String path = canonicalPath(request.method(), specPath(request.path()));
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), path);
    for (String[] pair : pairs(request.query())) {
      builder.withQueryParam(pair[0], pair[1]);
    }
    request.headers().forEach((name, values) -> builder.withHeader(name, name.equalsIgnoreCase("Authorization")
        ? values.stream().map(v -> v.regionMatches(true, 0, "JWT ", 0, 4) ? "Bearer " + v.substring(4) : v).toList()
        : values));
    if (!request.body().isEmpty()) {
      builder.withBody(request.body());
    }
    ValidationReport report;
    synchronized (VALIDATOR) {
      report = VALIDATOR.validateRequest(builder.build());
    }
    List<ValidationReport.Message> errors = report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> !(m.getKey().equals("validation.request.parameter.schema.maximum")
            && m.getMessage().contains("maximum: 100")))
        .filter(m -> !m.getKey().equals("validation.request.body.schema.additionalProperties"))
        .toList();
    if (!errors.isEmpty()) {
      failures.add("accepted an invalid request " + request.method() + " " + request.target() + "\n    " + errors);
    }
  }

  /** The decoded path without the trailing slash the spec says is optional everywhere. */
  private static String specPath(String rawPath) {
    String path = decodedPath(rawPath);
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * A legacy path an operation lists in {@code x-hub-legacy-paths} (the spec documents them there, not as
   * paths of their own) as the operation's own path, so the exchange is checked against that operation.
   */
  private static String canonicalPath(String method, String path) {
    for (io.github.hubsdk.openapi.catalog.HubOperation op : io.github.hubsdk.openapi.catalog.HubOperation.values()) {
      if (!op.method().equalsIgnoreCase(method)) {
        continue;
      }
      for (String legacy : op.legacyPaths()) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher p = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(legacy);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (p.find()) {
          regex.append(java.util.regex.Pattern.quote(legacy.substring(last, p.start()))).append("([^/]+)");
          names.add(p.group(1));
          last = p.end();
        }
        regex.append(java.util.regex.Pattern.quote(legacy.substring(last))).append("$");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex.toString()).matcher(path);
        if (m.matches()) {
          String out = op.path();
          for (int i = 0; i < names.size(); i++) {
            out = out.replace("{" + names.get(i) + "}", m.group(i + 1));
          }
          // A parameter the legacy path lacks (POST /v2/repositories names the namespace in the body).
          return out.replaceAll("\\{[^}]+}", "_");
        }
      }
    }
    return path;
  }

  /** Clients may percent-encode path characters (the generated SDK sends {@code sha256%3A...}). */
  private static String decodedPath(String rawPath) {
    return java.net.URI.create("http://x" + rawPath).getPath();
  }

  private static List<String[]> pairs(String query) {
    List<String[]> out = new java.util.ArrayList<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      out.add(new String[] {java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(value, StandardCharsets.UTF_8)});
    }
    return out;
  }

  List<String> failures() {
    return failures;
  }

  int validated() {
    return validated.get();
  }
}
