package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Pact provider states the hubsdk pacts use, implemented once for the emulator: the in-process
 * verification calls {@link #setup} directly, {@code POST /_emulator/pact/provider-states} over HTTP. The
 * states are found by the spec's tags: tag {@code access-tokens} has its states in
 * {@code io.github.hubsdk.emulator.pact.AccessTokensStates}, the states about the caller are in
 * {@link CallerStates}; a tag without states has no class. A new tag adds its class and edits no list.
 *
 * <pre>{@code
 * Map<String, Object> values = hub.providerStates().setup("personal access token 'ci-token' exists", Map.of());
 * String bearer = (String) values.get("bearer");
 * }</pre>
 */
public final class ProviderStates {

  /** The pseudo-tag of the states about the caller ({@link CallerStates}). */
  public static final String CALLER = "caller";

  private record Handler(String tag, TagStates instance, Method method) {}

  private final Map<String, Handler> handlers;

  private ProviderStates(Map<String, Handler> handlers) {
    this.handlers = handlers;
  }

  /**
   * The states of one emulator.
   *
   * @param hub the emulator they set up
   * @return the states of every tag
   * @throws IllegalStateException when two methods claim one state name, or a states class is malformed
   */
  public static ProviderStates of(DockerHubEmulator hub) {
    Objects.requireNonNull(hub, "hub");
    Map<String, Handler> out = new LinkedHashMap<>();
    for (String tag : tags()) {
      Class<?> c = classFor(tag);
      if (c == null) {
        continue;
      }
      TagStates instance = create(c, hub);
      for (Method m : c.getDeclaredMethods()) {
        ProviderState annotation = m.getAnnotation(ProviderState.class);
        if (annotation == null) {
          continue;
        }
        check(m);
        m.setAccessible(true);
        for (String name : annotation.value()) {
          Handler previous = out.put(name, new Handler(tag, instance, m));
          if (previous != null) {
            throw new IllegalStateException("provider state '" + name + "' is set up twice: by "
                + previous.method() + " and " + m);
          }
        }
      }
    }
    return new ProviderStates(Collections.unmodifiableMap(out));
  }

  /** {@link #CALLER} first, then every tag of the catalogue in its order. */
  static Set<String> tags() {
    Set<String> out = new LinkedHashSet<>();
    out.add(CALLER);
    for (HubOperation op : HubOperation.values()) {
      out.add(op.tag());
    }
    return out;
  }

  /**
   * The class name a tag's states live in.
   *
   * @param tag a tag of the spec, e.g. {@code access-tokens}, or {@link #CALLER}
   * @return e.g. {@code io.github.hubsdk.emulator.pact.AccessTokensStates}
   */
  public static String className(String tag) {
    StringBuilder stem = new StringBuilder();
    for (String part : tag.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        stem.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return ProviderStates.class.getPackageName() + "." + stem + "States";
  }

  private static Class<?> classFor(String tag) {
    try {
      return Class.forName(className(tag), true, ProviderStates.class.getClassLoader());
    } catch (ClassNotFoundException absent) {
      return null;
    }
  }

  private static TagStates create(Class<?> c, DockerHubEmulator hub) {
    if (!TagStates.class.isAssignableFrom(c)) {
      throw new IllegalStateException(c.getName() + " must extend TagStates");
    }
    try {
      var ctor = c.getDeclaredConstructor(DockerHubEmulator.class);
      ctor.setAccessible(true);
      return (TagStates) ctor.newInstance(hub);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructing " + c.getSimpleName() + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c.getName() + " needs a constructor taking the DockerHubEmulator", e);
    }
  }

  private static void check(Method m) {
    boolean params = m.getParameterCount() == 1 && m.getParameterTypes()[0] == Map.class;
    if (Modifier.isStatic(m.getModifiers()) || !(m.getParameterCount() == 0 || params)
        || !Map.class.isAssignableFrom(m.getReturnType())) {
      throw new IllegalStateException(m + ": a @ProviderState method takes nothing or the params map and returns"
          + " the values map");
    }
  }

  /**
   * Every state name these states set up.
   *
   * @return the names in the order of their tags
   */
  public Set<String> names() {
    return handlers.keySet();
  }

  /**
   * The states of one tag.
   *
   * @param tag a tag of the spec, or {@link #CALLER}
   * @return their names, sorted
   */
  public Set<String> namesOf(String tag) {
    Set<String> out = new TreeSet<>();
    handlers.forEach((name, h) -> {
      if (h.tag().equals(tag)) {
        out.add(name);
      }
    });
    return out;
  }

  /**
   * Sets up one state on top of what the emulator holds.
   *
   * @param state the state name, as the pact writes it
   * @param params the state's params from the pact (none of ours needs any)
   * @return the values for the interaction's provider-state expressions, none null or blank
   * @throws IllegalArgumentException when no class sets up the state
   * @throws IllegalStateException when the setup fails
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> setup(String state, Map<String, Object> params) {
    Handler h = handlers.get(state);
    if (h == null) {
      throw new IllegalArgumentException("no provider state '" + state + "'; known: " + new TreeSet<>(names()));
    }
    Object result;
    try {
      result = h.method().getParameterCount() == 0 ? h.method().invoke(h.instance())
          : h.method().invoke(h.instance(), params == null ? Map.of() : params);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("setting up '" + state + "' failed", cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) result);
    values.forEach((k, v) -> {
      // Pact turns a missing or null value into "" without a word; refuse here, naming the key only.
      if (v == null || v.toString().isBlank()) {
        throw new IllegalStateException("provider state '" + state + "' returned no value for '" + k + "'");
      }
    });
    return values;
  }
}
