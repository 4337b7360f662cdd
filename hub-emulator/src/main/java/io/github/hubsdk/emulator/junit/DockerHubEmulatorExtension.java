package io.github.hubsdk.emulator.junit;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.DemoSeed;
import io.github.hubsdk.emulator.MutableClock;
import io.github.hubsdk.emulator.Seeder;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link EnableDockerHubEmulator @EnableDockerHubEmulator}; see there for
 * what it does. Registered by the annotation; not meant to be used directly.
 */
public final class DockerHubEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DockerHubEmulatorExtension.class);
  private static final String PREPARED = "prepared";

  /** Creates the extension; JUnit does this. */
  public DockerHubEmulatorExtension() {}

  // --- callbacks -----------------------------------------------------------------------------------------

  @Override
  public void beforeAll(ExtensionContext context) {
    if (context.getStore(NAMESPACE).get(PREPARED + context.getUniqueId()) != null) {
      return;
    }
    context.getStore(NAMESPACE).put(PREPARED + context.getUniqueId(), Boolean.TRUE);
    Class<?> testClass = context.getRequiredTestClass();
    Class<?> owner = owner(testClass);
    if (owner == null || annotation(owner).perTest()) {
      return;
    }
    injectStaticFields(testClass, classFixture(context, owner));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (context.getStore(NAMESPACE).get(PREPARED + context.getUniqueId()) != null) {
      return;
    }
    context.getStore(NAMESPACE).put(PREPARED + context.getUniqueId(), Boolean.TRUE);
    List<Object> instances = context.getRequiredTestInstances().getAllInstances();
    Set<Class<?>> owners = new LinkedHashSet<>();
    for (Object instance : instances) {
      Class<?> owner = owner(instance.getClass());
      if (owner != null) {
        owners.add(owner);
      }
    }
    for (Class<?> owner : owners) {
      if (annotation(owner).perTest()) {
        context.getStore(NAMESPACE).put(owner, startFixture(owner, context));
      } else {
        Fixture fixture = classFixture(context, owner);
        if (annotation(owner).resetBeforeEach()) {
          fixture.reset();
        }
      }
    }
    for (Object instance : instances) {
      Class<?> owner = owner(instance.getClass());
      if (owner != null) {
        Fixture fixture = fixture(context, owner);
        injectStaticFields(instance.getClass(), fixture);
        injectFields(instance.getClass(), instance, fixture);
      }
    }
  }

  // --- parameters ----------------------------------------------------------------------------------------

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getDeclaringExecutable() instanceof Method
        && kind(parameterContext.getParameter().getType()) != Kind.NONE;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> owner = owner(parameterContext.getDeclaringExecutable().getDeclaringClass());
    if (owner == null) {
      owner = owner(context.getRequiredTestClass());
    }
    if (owner == null) {
      throw new ParameterResolutionException("no @EnableDockerHubEmulator on " + context.getRequiredTestClass());
    }
    if (annotation(owner).perTest() && context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("@EnableDockerHubEmulator(perTest = true) on " + owner.getName()
          + " starts an emulator for each test; there is none in @BeforeAll or @AfterAll methods ("
          + parameterContext.getDeclaringExecutable() + ")");
    }
    Fixture fixture = fixture(context, owner);
    return kind(parameterContext.getParameter().getType()) == Kind.EMULATOR ? fixture.emulator : fixture.client();
  }

  // --- fixtures ------------------------------------------------------------------------------------------

  private Fixture fixture(ExtensionContext context, Class<?> owner) {
    if (annotation(owner).perTest()) {
      Fixture f = context.getStore(NAMESPACE).get(owner, Fixture.class);
      if (f == null) {
        throw new ParameterResolutionException("no emulator for " + owner.getName() + " in " + context.getDisplayName());
      }
      return f;
    }
    return classFixture(context, owner);
  }

  private Fixture classFixture(ExtensionContext context, Class<?> owner) {
    ExtensionContext ownerContext = ownerContext(context, owner);
    return ownerContext.getStore(NAMESPACE).getOrComputeIfAbsent(owner, k -> startFixture(owner, ownerContext),
        Fixture.class);
  }

  private static ExtensionContext ownerContext(ExtensionContext context, Class<?> owner) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      ExtensionContext candidate = c.get();
      if (candidate.getTestMethod().isEmpty() && candidate.getTestClass().orElse(null) == owner) {
        return candidate;
      }
    }
    return context;
  }

  private static Fixture startFixture(Class<?> owner, ExtensionContext context) {
    EnableDockerHubEmulator config = annotation(owner);
    Instant fixedStart = null;
    if (!config.clock().isEmpty()) {
      try {
        fixedStart = Instant.parse(config.clock());
      } catch (DateTimeParseException e) {
        throw new ExtensionConfigurationException("@EnableDockerHubEmulator(clock = \"" + config.clock() + "\") on "
            + owner.getName() + " is not an ISO-8601 instant such as 2026-11-26T10:00:00Z", e);
      }
    }
    MutableClock clock = fixedStart != null ? MutableClock.fixed(fixedStart) : MutableClock.system();
    DockerHubEmulator.Builder builder = DockerHubEmulator.builder().clock(clock).controlApi(config.controlApi());
    if (!config.defaultSeed()) {
      builder.withoutDefaultSeed();
    }
    if (config.seedDemo()) {
      builder.seed(DemoSeed::apply);
    }
    if (config.rateLimit() > 0) {
      builder.rateLimit(config.rateLimit(), Duration.ofMinutes(1));
    } else if (config.rateLimit() < 0) {
      throw new ExtensionConfigurationException("@EnableDockerHubEmulator(rateLimit) must not be negative");
    }
    for (Method m : methods(owner, EmulatorConfigurer.class, DockerHubEmulator.Builder.class)) {
      Object target = target(m, context, EmulatorConfigurer.class);
      ReflectionSupport.invokeMethod(m, target, builder);
    }
    for (Method m : methods(owner, EmulatorSeed.class, Seeder.class)) {
      Object target = target(m, context, EmulatorSeed.class);
      Consumer<Seeder> seed = s -> ReflectionSupport.invokeMethod(m, target, s);
      builder.seed(seed);
    }
    String username = !config.username().isEmpty() ? config.username()
        : config.defaultSeed() ? DockerHubEmulator.DEFAULT_USERNAME : null;
    String password = config.password().isEmpty() && config.username().isEmpty()
        ? DockerHubEmulator.DEFAULT_PASSWORD : config.password();
    DockerHubEmulator emulator = builder.start();
    boolean ownClock = emulator.clock() == clock;
    return new Fixture(owner, emulator, ownClock, fixedStart, username, password);
  }

  private static List<Method> methods(Class<?> owner, Class<? extends java.lang.annotation.Annotation> annotation,
      Class<?> parameter) {
    List<Method> methods = new ArrayList<>(AnnotationSupport.findAnnotatedMethods(owner, annotation,
        HierarchyTraversalMode.TOP_DOWN));
    for (Method m : methods) {
      if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != parameter || m.getReturnType() != void.class) {
        throw new ExtensionConfigurationException("@" + annotation.getSimpleName() + " method " + m
            + " must take exactly one " + parameter.getName() + " and return void");
      }
    }
    return methods;
  }

  private static Object target(Method m, ExtensionContext context,
      Class<? extends java.lang.annotation.Annotation> annotation) {
    if (Modifier.isStatic(m.getModifiers())) {
      return null;
    }
    return context.getTestInstances().flatMap(i -> i.findInstance(m.getDeclaringClass())).orElseThrow(() ->
        new ExtensionConfigurationException("@" + annotation.getSimpleName() + " method " + m + " must be static:"
            + " the emulator starts before any test instance exists (make it static, or use"
            + " @EnableDockerHubEmulator(perTest = true) or @TestInstance(PER_CLASS))"));
  }

  // --- injection -----------------------------------------------------------------------------------------

  private static void injectStaticFields(Class<?> type, Fixture fixture) {
    for (Field f : injectableFields(type)) {
      if (Modifier.isStatic(f.getModifiers())) {
        set(f, null, fixture);
      }
    }
  }

  private static void injectFields(Class<?> type, Object instance, Fixture fixture) {
    for (Field f : injectableFields(type)) {
      if (!Modifier.isStatic(f.getModifiers())) {
        set(f, instance, fixture);
      }
    }
  }

  private static List<Field> injectableFields(Class<?> type) {
    return ReflectionSupport.findFields(type,
        f -> !Modifier.isFinal(f.getModifiers()) && kind(f.getType()) != Kind.NONE, HierarchyTraversalMode.TOP_DOWN);
  }

  private static void set(Field f, Object instance, Fixture fixture) {
    Object value = kind(f.getType()) == Kind.EMULATOR ? fixture.emulator : fixture.client();
    try {
      f.setAccessible(true);
      f.set(instance, value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException("cannot inject " + f, e);
    }
  }

  private enum Kind { EMULATOR, CLIENT, NONE }

  /** By name for the client, so that the SDK is never loaded unless the test itself names it. */
  private static Kind kind(Class<?> type) {
    if (type == DockerHubEmulator.class) {
      return Kind.EMULATOR;
    }
    return type.getName().equals(SdkClients.CLIENT_CLASS) ? Kind.CLIENT : Kind.NONE;
  }

  /** The class whose annotation applies: the class itself, else the nearest enclosing class of an inner class. */
  private static Class<?> owner(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (c.isAnnotationPresent(EnableDockerHubEmulator.class)) {
        return c;
      }
      if (Modifier.isStatic(c.getModifiers())) {
        return null;
      }
    }
    return null;
  }

  private static EnableDockerHubEmulator annotation(Class<?> owner) {
    return owner.getAnnotation(EnableDockerHubEmulator.class);
  }

  /** An emulator, its lazily created client, and how to put its clock back; closed with its JUnit context. */
  @SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13, AutoCloseable since
  static final class Fixture implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Class<?> owner;
    final DockerHubEmulator emulator;
    private final boolean ownClock;
    private final Instant fixedStart;
    private final String username;
    private final String password;
    private AutoCloseable client;
    private boolean closed;

    Fixture(Class<?> owner, DockerHubEmulator emulator, boolean ownClock, Instant fixedStart, String username,
        String password) {
      this.owner = owner;
      this.emulator = emulator;
      this.ownClock = ownClock;
      this.fixedStart = fixedStart;
      this.username = username;
      this.password = password;
    }

    synchronized Object client() {
      if (closed) {
        throw new IllegalStateException("the emulator of " + owner.getName() + " is closed");
      }
      if (client == null) {
        if (username == null) {
          throw new ParameterResolutionException("@EnableDockerHubEmulator(defaultSeed = false) on " + owner.getName()
              + " has no default user: set username and password for the injected DockerHubClient");
        }
        if (password.isEmpty()) {
          throw new ParameterResolutionException("@EnableDockerHubEmulator(username = \"" + username + "\") on "
              + owner.getName() + " needs a password for the injected DockerHubClient");
        }
        try {
          client = SdkClients.create(emulator, username, password);
        } catch (NoClassDefFoundError e) {
          throw new ParameterResolutionException("a DockerHubClient needs io.github.hubsdk:hubsdk-sdk-extensions"
              + " on the test classpath", e);
        }
      }
      return client;
    }

    /** Back to the seeded state and the starting time, with a new client on next use. */
    synchronized void reset() {
      closeClient();
      if (ownClock) {
        emulator.clock().set(fixedStart != null ? fixedStart : Instant.now());
      }
      emulator.reset();
    }

    private void closeClient() {
      if (client != null) {
        try {
          client.close();
        } catch (Exception e) {
          // a client that cannot release its pool is not worth failing a test over
        }
        client = null;
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      closeClient();
      emulator.close();
    }
  }
}
