package io.github.hubsdk.contracts.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract against the spec's operation catalogue ({@link HubOperation}): what the consumer tests declare
 * ({@link ConsumerInteractions}) covers every operation and every error body, and names only operations that
 * exist. Replaces a hand-kept minimum count: a new operation in the spec fails here until it has interactions.
 */
class OperationCoverageTest {

  private static final List<Interaction> DECLARED = ConsumerInteractions.declared();

  @Test
  void everyOperationHasAnInteraction() {
    List<String> without = new ArrayList<>();
    for (HubOperation op : HubOperation.values()) {
      if (DECLARED.stream().noneMatch(i -> i.getDescription().startsWith(op.operationId() + ":"))) {
        without.add(op.operationId());
      }
    }
    assertThat(without).as("operations of the spec without an interaction '<operationId>: ...'").isEmpty();
  }

  /** A description naming the wrong operation would fool the other checks; its request must be that operation's. */
  @Test
  void everyInteractionNamesAnOperationAndCallsIt() {
    List<String> wrong = new ArrayList<>();
    for (Interaction i : DECLARED) {
      HubOperation op = ConsumerInteractions.operation(i).orElse(null);
      if (op == null) {
        wrong.add(i.getDescription() + ": does not start with '<operationId>:' of an operation of the spec");
        continue;
      }
      if (!i.isSynchronousRequestResponse()) {
        wrong.add(i.getDescription() + ": not an HTTP request/response interaction");
        continue;
      }
      var request = i.asSynchronousRequestResponse().getRequest();
      String path = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
      if (!request.getMethod().equalsIgnoreCase(op.method()) || !template(op.path()).matcher(path).matches()) {
        wrong.add(i.getDescription() + ": sends " + request.getMethod() + " " + path + ", but " + op.operationId()
            + " is " + op.method() + " " + op.path());
      }
    }
    assertThat(wrong).as("interactions that do not call the operation they name").isEmpty();
  }

  private static Pattern template(String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("\\{[^}]+}", -1)) {
      if (!regex.isEmpty()) {
        regex.append("[^/]+");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  @Test
  void everyErrorSchemaOfATagIsExercised() {
    Map<String, List<ErrorCoverage.Declared>> byTag = new TreeMap<>();
    for (ErrorCoverage.Declared d : ErrorCoverage.missing(DECLARED)) {
      byTag.computeIfAbsent(HubOperation.byId(d.operationId()).tag(), t -> new ArrayList<>()).add(d);
    }
    assertThat(byTag).as("per tag, the declared error answers (operation, status, schema) whose schema no"
        + " interaction of the tag answers with a status of that family").isEmpty();
  }

  /** The rule bites: without the 429 interactions every tag's RateLimitError is named. */
  @Test
  void errorCoverageNamesWhatIsMissing() {
    List<Interaction> without429 = DECLARED.stream()
        .filter(i -> i.asSynchronousRequestResponse().getResponse().getStatus() != 429).toList();
    assertThat(ErrorCoverage.missing(without429))
        .contains(new ErrorCoverage.Declared("listAccessTokens", 429, "RateLimitError"),
            new ErrorCoverage.Declared("createAuthToken", 429, "RateLimitError"),
            new ErrorCoverage.Declared("listAuditLogs", 429, "RateLimitError"))
        .allMatch(d -> d.status() == 429);
  }
}
