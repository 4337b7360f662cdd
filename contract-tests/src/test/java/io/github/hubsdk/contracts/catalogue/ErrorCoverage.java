package io.github.hubsdk.contracts.catalogue;

import au.com.dius.pact.core.model.Interaction;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.catalog.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which error bodies the interactions exercise, per tag: the SDK decodes an error by the schema the spec
 * declares for (operation, status), so each schema a tag's operations declare for an error status must be
 * answered by at least one interaction of the tag with a status of the same family (4xx, 5xx). The spec's
 * {@code default} answer is met by an interaction of any error status with that schema.
 */
public final class ErrorCoverage {

  /** An error answer the spec declares; status 0 is the spec's {@code default}. */
  public record Declared(String operationId, int status, String schema) {
    @Override
    public String toString() {
      return "(" + operationId + ", " + (status == 0 ? "default" : status) + ", " + schema + ")";
    }
  }

  private record Answered(String tag, String schema, int family) {
  }

  private ErrorCoverage() {
  }

  /** The declared error answers whose schema no interaction of the tag exercises, in catalogue order. */
  public static List<Declared> missing(Collection<Interaction> interactions) {
    Set<Answered> answered = new HashSet<>();
    Map<String, Set<String>> schemasByTag = new HashMap<>();
    for (Interaction i : interactions) {
      Optional<HubOperation> op = ConsumerInteractions.operation(i);
      if (op.isEmpty() || !i.isSynchronousRequestResponse()) {
        continue; // OperationCoverageTest names these
      }
      int status = i.asSynchronousRequestResponse().getResponse().getStatus();
      Outcome outcome = op.get().outcome(status);
      if (status >= 300 && outcome != null && outcome.schema() != null) {
        answered.add(new Answered(op.get().tag(), outcome.schema(), status / 100));
        schemasByTag.computeIfAbsent(op.get().tag(), t -> new HashSet<>()).add(outcome.schema());
      }
    }
    List<Declared> out = new ArrayList<>();
    for (HubOperation op : HubOperation.values()) {
      for (Outcome o : op.outcomes()) {
        if (o.success() || o.schema() == null) {
          continue;
        }
        boolean met = o.status() == 0
            ? schemasByTag.getOrDefault(op.tag(), Set.of()).contains(o.schema())
            : answered.contains(new Answered(op.tag(), o.schema(), o.status() / 100));
        if (!met) {
          out.add(new Declared(op.operationId(), o.status(), o.schema()));
        }
      }
    }
    return out;
  }
}
