package io.github.hubsdk.contracts.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract against the spec's operation catalogue ({@link HubOperation}): what the consumer tests declare
 * ({@link ConsumerInteractions}) covers every operation and names only operations that
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
}
