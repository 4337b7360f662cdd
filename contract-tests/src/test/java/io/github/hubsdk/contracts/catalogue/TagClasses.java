package io.github.hubsdk.contracts.catalogue;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the provider-state classes by the spec's tags instead of a list: tag {@code access-tokens} has its
 * states in {@code <package>.<prefix>AccessTokensStates}, and the states about the caller are in
 * {@code <package>.<prefix>CallerStates}. A new tag group adds its class and edits nothing shared.
 */
public final class TagClasses {

  /** The stem of the class of the tag-independent states. */
  public static final String CALLER = "Caller";

  private TagClasses() {
  }

  /** Every tag of the catalogue, in its order. */
  public static Set<String> tags() {
    Set<String> out = new LinkedHashSet<>();
    for (HubOperation op : HubOperation.values()) {
      out.add(op.tag());
    }
    return out;
  }

  /** {@code access-tokens} becomes {@code AccessTokens}. */
  public static String stem(String tag) {
    StringBuilder out = new StringBuilder();
    for (String part : tag.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** The name of the states class for a stem, e.g. {@code io.github...provider.states.AccessTokensStates}. */
  public static String className(Package pkg, String prefix, String stem) {
    return pkg.getName() + "." + prefix + stem + "States";
  }

  /** The tag's states class in the package of {@code anchor} (same prefix), if there is one. */
  public static Optional<Class<?>> forTag(Class<?> anchor, String prefix, String tag) {
    return load(className(anchor.getPackage(), prefix, stem(tag)));
  }

  private static Optional<Class<?>> load(String name) {
    try {
      return Optional.of(Class.forName(name));
    } catch (ClassNotFoundException absent) {
      return Optional.empty();
    }
  }

  /**
   * One instance of the caller class ({@code anchor} itself) and of every tag's class next to it, each made with
   * its one-argument constructor.
   *
   * @param anchor the caller states class, e.g. {@code CallerStates}; its simple name gives the prefix
   * @param argType the constructor's parameter type
   * @param arg what the states work on (the emulator, the live session)
   */
  public static <A> List<Object> instances(Class<?> anchor, Class<A> argType, A arg) {
    String prefix = prefix(anchor);
    List<Object> out = new ArrayList<>();
    out.add(create(anchor, argType, arg));
    for (String tag : tags()) {
      forTag(anchor, prefix, tag).ifPresent(c -> out.add(create(c, argType, arg)));
    }
    return out;
  }

  /** {@code LiveCallerStates} has the prefix {@code Live}. */
  public static String prefix(Class<?> callerClass) {
    String name = callerClass.getSimpleName();
    String suffix = CALLER + "States";
    if (!name.endsWith(suffix)) {
      throw new IllegalArgumentException(name + " is not named <prefix>" + suffix);
    }
    return name.substring(0, name.length() - suffix.length());
  }

  /** An instance of a states class made with its one-argument constructor. */
  public static <A> Object create(Class<?> c, Class<A> argType, A arg) {
    try {
      var ctor = c.getDeclaredConstructor(argType);
      ctor.setAccessible(true);
      return ctor.newInstance(arg);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructing " + c.getSimpleName() + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c.getName() + " needs a constructor taking " + argType.getSimpleName(), e);
    }
  }

  /** The state names a class has {@code @State} methods for, as pact-jvm finds them. */
  public static Set<String> handledStates(Class<?> c) {
    Set<String> out = new TreeSet<>();
    for (Method m : AnnotationSupport.findAnnotatedMethods(c, State.class, HierarchyTraversalMode.TOP_DOWN)) {
      out.addAll(Arrays.asList(m.getAnnotation(State.class).value()));
    }
    return out;
  }

  /**
   * Every class in the package of {@code anchor} with {@code @State} methods whose name is neither the caller
   * class nor a tag's: it would never be registered (a misspelt tag, a tag the spec renamed).
   */
  public static List<String> strays(Class<?> anchor) {
    String prefix = prefix(anchor);
    Set<String> known = new TreeSet<>();
    known.add(anchor.getName());
    tags().forEach(t -> known.add(className(anchor.getPackage(), prefix, stem(t))));
    return ReflectionSupport.findAllClassesInPackage(anchor.getPackage().getName(),
            c -> !handledStates(c).isEmpty() && !known.contains(c.getName()), n -> true)
        .stream().map(Class::getSimpleName).sorted().toList();
  }
}
