package io.github.hubsdk.emulator.junit;

import io.github.hubsdk.emulator.DockerHubEmulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link DockerHubEmulator} for a JUnit 5 test class and injects it, and a {@code DockerHubClient}
 * logged in to it, into fields and method parameters.
 *
 * <pre>{@code
 * @EnableDockerHubEmulator
 * class MyAutomationTest {
 *   static DockerHubEmulator hub;    // injected: the emulator of this class
 *   DockerHubClient client;          // injected: a client for user hubsdk / hubsdk-password
 *
 *   @EmulatorSeed
 *   static void seed(Seeder s) {
 *     s.org("acme", Plan.BUSINESS).owners("hubsdk");
 *     s.repository("acme", "web").images(300);
 *   }
 *
 *   @Test
 *   void createsAToken() {
 *     AccessToken t = client.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ));
 *     assertThat(client.accessTokens().list().toList()).hasSize(1);
 *   }
 *
 *   @Test
 *   void startsFromTheSeedAgain(DockerHubClient client) {   // parameters work as well
 *     assertThat(client.accessTokens().list().toList()).isEmpty();
 *   }
 * }
 * }</pre>
 *
 * <h2>Lifecycle and isolation</h2>
 * By default one emulator serves the whole test class (and its {@code @Nested} classes) and is
 * {@linkplain DockerHubEmulator#reset() reset} before each test: every test starts from the seeded
 * state, without expectations or recorded requests, with the clock back where it started and with a new
 * client (so no JWT, remembered login failure or rate-limit snapshot leaks from one test to the next).
 * {@link #perTest()} starts a separate emulator for each test instead; {@link #resetBeforeEach()}
 * {@code = false} lets state carry over between the tests of a class. Everything is closed when its class
 * (or, with {@code perTest}, its test) ends. A per-class emulator expects the tests of its class to run one
 * at a time (JUnit's default); with parallel execution inside a class, use {@code perTest}.
 *
 * <p>Seeds are part of the seeded state: {@code hub.seed(...)} called inside a test is replayed by every
 * later reset too. State created through the API in {@code @BeforeAll} methods is wiped by the reset before
 * the first test; put shared state in an {@link EmulatorSeed} method instead.
 *
 * <h2>Injection</h2>
 * <ul>
 *   <li>Fields, static or not, of any visibility, whose type is exactly {@link DockerHubEmulator} or
 *       {@code io.github.hubsdk.client.DockerHubClient}; final fields are left alone. Static fields are set
 *       before {@code @BeforeAll} methods run and again before each test; instance fields (of the test
 *       instance and, for {@code @Nested} tests, of its enclosing instances) before each test.</li>
 *   <li>Parameters of those types on test methods and on {@code @BeforeEach}, {@code @AfterEach},
 *       {@code @BeforeAll} and {@code @AfterAll} methods (not constructors). With {@link #perTest()}, there is
 *       no emulator in {@code @BeforeAll}/{@code @AfterAll}.</li>
 *   <li>The client logs in on its first call with {@code POST /v2/auth/token} as {@link #username()}
 *       (default: the default seed's user), uses the emulator's {@linkplain DockerHubEmulator#clock() clock}
 *       for token expiry, and otherwise the SDK's defaults. Needs {@code hubsdk-sdk-extensions} on the test
 *       classpath; injecting only the emulator works without it.</li>
 * </ul>
 *
 * <h2>Seeding and configuration</h2>
 * Methods of the annotated class (or its superclasses) annotated {@link EmulatorSeed} take a
 * {@link io.github.hubsdk.emulator.Seeder}; methods annotated {@link EmulatorConfigurer} take the
 * {@link DockerHubEmulator.Builder} before it starts. Both must be static unless an instance exists when
 * the emulator starts ({@code perTest}, or {@code @TestInstance(PER_CLASS)}). Seeds are replayed by every
 * reset.
 *
 * <p>A {@code @Nested} class shares the emulator of its enclosing class, unless it carries this annotation
 * itself: then it gets its own, configured by its own attributes and methods.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerHubEmulatorExtension.class)
public @interface EnableDockerHubEmulator {

  /**
   * Whether each test gets its own emulator (started before {@code @BeforeEach} methods, closed after
   * {@code @AfterEach}) instead of one per class that is reset before each test.
   *
   * @return false (the default) for one emulator per class
   */
  boolean perTest() default false;

  /**
   * With one emulator per class: whether to reset it (state, expectations, recorded requests, rate
   * windows, clock) and renew the client before each test. Turn off for ordered scenario tests whose
   * steps build on each other.
   *
   * @return true (the default) for isolated tests
   */
  boolean resetBeforeEach() default true;

  /**
   * Whether to start with the default seed: user {@value DockerHubEmulator#DEFAULT_USERNAME} /
   * {@value DockerHubEmulator#DEFAULT_PASSWORD} (Pro) with {@code hubsdk/example} of
   * {@value DockerHubEmulator#DEFAULT_IMAGES} images.
   *
   * @return true by default
   */
  boolean defaultSeed() default true;

  /**
   * Whether to add the standalone emulator's demo seed ({@link io.github.hubsdk.emulator.DemoSeed#apply}):
   * user {@code demo} / {@code demo-password}, Business organization {@code demo-org} with
   * {@code demo-org/demo-app} of 300 images, two tokens and some audit history.
   *
   * @return false by default
   */
  boolean seedDemo() default false;

  /**
   * Whether to serve the control API under {@code /_emulator/} (reset, seed documents, expectations, clock,
   * rate limit, recorded requests, Pact provider states over HTTP). Off by default: a Java test drives the
   * emulator through its Java API, and a code under test should never reach the control API by accident.
   *
   * @return false by default
   */
  boolean controlApi() default false;

  /**
   * A fixed start time for the emulator's clock, as an ISO-8601 instant such as
   * {@code 2026-11-26T10:00:00Z}: time then stands still until the test moves it with
   * {@code hub.clock().advance(...)}. Empty (the default) follows the system clock. Either way the clock is
   * put back before each test.
   *
   * @return the instant, or empty
   */
  String clock() default "";

  /**
   * Turns on rate limiting: this many requests per client address and minute; 0 (the default) is off.
   * Finer control: {@link DockerHubEmulator.Builder#rateLimit} in an {@link EmulatorConfigurer}.
   *
   * @return requests per minute, or 0
   */
  int rateLimit() default 0;

  /**
   * The user the injected client logs in as; empty (the default) means the default seed's user.
   *
   * @return a seeded username, or empty
   */
  String username() default "";

  /**
   * The password of {@link #username()}; empty (the default) means the default seed's password.
   *
   * @return the password, or empty
   */
  String password() default "";
}
