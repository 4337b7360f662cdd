package io.github.hubsdk.contracts.catalogue;

import static io.github.hubsdk.contracts.Contract.CONSUMER;
import static io.github.hubsdk.contracts.Contract.PROVIDER;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The interactions the consumer tests declare, built in-process from their {@code @Pact} methods and merged by
 * description and states as Pact merges them into the pact file. Known without running the consumer tests,
 * so the coverage tests can read them in the same surefire run, and the verifications can tell a pact that
 * lost or gained an interaction from the one the consumer tests write.
 */
public final class ConsumerInteractions {

  static final String CONSUMER_PACKAGE = "io.github.hubsdk.contracts.consumer";

  private static List<Interaction> declared;

  private ConsumerInteractions() {
  }

  /** Every interaction of every {@code @Pact} method in the consumer package, one per {@link #key}. */
  public static synchronized List<Interaction> declared() {
    if (declared == null) {
      Map<String, Interaction> byKey = new LinkedHashMap<>();
      for (Class<?> test : ReflectionSupport.findAllClassesInPackage(CONSUMER_PACKAGE, c -> true, n -> true)) {
        for (Method m : test.getDeclaredMethods()) {
          if (m.isAnnotationPresent(au.com.dius.pact.core.model.annotations.Pact.class)) {
            for (Interaction i : build(test, m).getInteractions()) {
              byKey.putIfAbsent(key(i), i);
            }
          }
        }
      }
      if (byKey.isEmpty()) {
        throw new IllegalStateException("no @Pact method found in " + CONSUMER_PACKAGE);
      }
      declared = List.copyOf(byKey.values());
    }
    return declared;
  }

  private static Pact build(Class<?> test, Method method) {
    if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != PactDslWithProvider.class
        || Modifier.isStatic(method.getModifiers())) {
      throw new IllegalStateException(test.getSimpleName() + "." + method.getName()
          + ": a @Pact method here takes one PactDslWithProvider (the coverage tests build it in-process)");
    }
    try {
      var ctor = test.getDeclaredConstructor();
      ctor.setAccessible(true);
      method.setAccessible(true);
      return (Pact) method.invoke(ctor.newInstance(), ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(test.getSimpleName() + "." + method.getName() + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + test.getSimpleName() + "." + method.getName(), e);
    }
  }

  /** Description and provider states: what makes two interactions one in a pact file. */
  public static String key(Interaction i) {
    return i.getDescription() + " " + states(i);
  }

  /** The names of the interaction's provider states, in order. */
  public static List<String> states(Interaction i) {
    return i.getProviderStates().stream().map(ProviderState::getName).toList();
  }

  /** The operation the description names ({@code "<operationId>: ..."}), if it is one. */
  public static Optional<HubOperation> operation(Interaction i) {
    String d = i.getDescription();
    int colon = d.indexOf(':');
    return colon < 0 ? Optional.empty() : Optional.ofNullable(HubOperation.byId(d.substring(0, colon)));
  }

  /** The spec tag of the interaction's operation, or empty when the description names none. */
  public static Optional<String> tag(Interaction i) {
    return operation(i).map(HubOperation::tag);
  }

  /** The provider states the interactions of each tag use. */
  public static Map<String, Set<String>> statesByTag(Collection<Interaction> interactions) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Interaction i : interactions) {
      tag(i).ifPresent(t -> out.computeIfAbsent(t, k -> new TreeSet<>()).addAll(states(i)));
    }
    return out;
  }

  /**
   * How a pact differs from what the consumer tests write: empty when it holds exactly their interactions,
   * no more (a stale one), no fewer (a consumer test that stopped writing its interaction).
   */
  public static List<String> differences(Pact pact) {
    List<String> written = new ArrayList<>();
    pact.getInteractions().forEach(i -> written.add(key(i)));
    Set<String> expected = new TreeSet<>();
    declared().forEach(i -> expected.add(key(i)));
    List<String> out = new ArrayList<>();
    if (written.size() != expected.size()) {
      out.add("the pact holds " + written.size() + " interactions, the consumer tests declare " + expected.size());
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(written);
    missing.forEach(k -> out.add("declared by a consumer test but not in the pact: " + k));
    Set<String> extra = new TreeSet<>(written);
    extra.removeAll(expected);
    extra.forEach(k -> out.add("in the pact but declared by no consumer test: " + k));
    return out;
  }
}
