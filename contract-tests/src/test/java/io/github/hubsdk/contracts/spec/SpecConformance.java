package io.github.hubsdk.contracts.spec;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.pact.PactResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that every interaction of a pact, request and response as recorded (example values), conforms
 * to {@code docker-hub-api.yaml}: the contract can neither ask for what the spec does not offer nor
 * expect what the spec does not promise. One allowance: an interaction answered 400 may send a body its
 * schema refuses, because that is what the spec declares the 400 for (e.g. "the body is not a JSON object
 * with a non-empty username and password"); its path, parameters, security and answer are still checked.
 */
public final class SpecConformance {

  /** The message keys of a request body that breaks its schema (required, minLength, type, ...). */
  private static final String REQUEST_BODY_SCHEMA = "validation.request.body.schema.";

  private final OpenApiInteractionValidator validator;

  private SpecConformance(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** The checker for the spec on the classpath ({@code /docker-hub-api.yaml} of the hubsdk-spec module). */
  public static SpecConformance ofSpec() {
    try (InputStream in = SpecConformance.class.getResourceAsStream("/docker-hub-api.yaml")) {
      if (in == null) {
        throw new IllegalStateException("docker-hub-api.yaml is not on the classpath");
      }
      return ofSpec(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checker for an OpenAPI document given inline. */
  public static SpecConformance ofSpec(String openApiDocument) {
    return new SpecConformance(OpenApiInteractionValidator.createForInlineApiSpecification(openApiDocument).build());
  }

  /**
   * Validates every interaction.
   *
   * @param pact the pact
   * @return one line per interaction that does not conform; empty when all do
   */
  public List<String> problems(Pact pact) {
    List<String> problems = new ArrayList<>();
    for (Interaction interaction : pact.getInteractions()) {
      problems.addAll(problems(interaction));
    }
    return problems;
  }

  /**
   * Validates one interaction.
   *
   * @param interaction an HTTP interaction
   * @return its problems, each prefixed with its description
   */
  public List<String> problems(Interaction interaction) {
    if (!interaction.isSynchronousRequestResponse()) {
      return List.of(interaction.getDescription() + ": not an HTTP request/response interaction");
    }
    SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
    IRequest request = http.getRequest().copy();
    // Recorded as the SDK sent it (e.g. sha256%3A...); servers and the spec see the decoded segment.
    request.setPath(URLDecoder.decode(request.getPath().replace("+", "%2B"), StandardCharsets.UTF_8));
    ValidationReport report = validator.validate(PactRequest.of(request), PactResponse.of(http.getResponse()));
    if (!report.hasErrors()) {
      return List.of();
    }
    boolean rejection = http.getResponse().getStatus() == 400;
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> !(rejection && m.getKey().startsWith(REQUEST_BODY_SCHEMA)))
        .map(m -> interaction.getDescription() + ": " + m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
  }
}
