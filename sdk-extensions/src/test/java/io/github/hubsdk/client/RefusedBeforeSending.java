package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.InvalidRequestException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input checks of one group: every case of the subclass's static {@code invalidCalls()} (a stream of
 * {@link Case}) must throw {@link InvalidRequestException} before the stub sees anything, not even a login.
 * The client and stub are static so that the cases' lambdas, built before each test, reach this test's ones.
 */
abstract class RefusedBeforeSending {

  static HubStub stub;
  static DockerHubClient hub;

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "pw"))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    hub.close();
    stub.close();
  }

  /** One call that must be refused, named for the test report. */
  record Case(String name, ThrowingCallable call) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCalls")
  void isRefusedBeforeAnyRequest(Case c) {
    assertThatThrownBy(c.call()).isInstanceOf(InvalidRequestException.class);
    assertThat(stub.requests()).as("the server saw nothing, not even a login").isEmpty();
  }
}
