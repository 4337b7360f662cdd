package io.github.hubsdk.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
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
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    if (exchange.responseBody() != null) {
      response.withBody(exchange.responseBody());
    }
    for (Map.Entry<String, List<String>> h : exchange.responseHeaders().entrySet()) {
      response.withHeader(h.getKey(), h.getValue());
    }
    ValidationReport report;
    synchronized (VALIDATOR) {
      report = VALIDATOR.validateResponse(exchange.request().path(),
          Request.Method.valueOf(exchange.request().method()), response.build());
    }
    validated.incrementAndGet();
    if (report.hasErrors()) {
      failures.add(exchange.request().method() + " " + exchange.request().target() + " -> " + exchange.status()
          + " " + exchange.responseBody() + "\n    " + report.getMessages());
    }
  }

  List<String> failures() {
    return failures;
  }

  int validated() {
    return validated.get();
  }
}
