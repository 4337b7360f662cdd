package io.github.hubsdk.contracts.live;

import static io.github.hubsdk.contracts.Contract.CONSUMER;
import static io.github.hubsdk.contracts.Contract.PROVIDER;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.hubsdk.contracts.catalogue.TagClasses;
import io.github.hubsdk.contracts.live.states.LiveCallerStates;
import io.github.hubsdk.contracts.provider.ProviderVerification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Verifies the pact against the live Docker Hub (profile {@code live-contracts}) or, in every default
 * build, against an emulator through exactly the same code. The states are {@code live.states.LiveCallerStates}
 * and one {@code Live<Tag>States} class per tag; they create what they need through the SDK of one
 * {@link LiveSession}, which removes it all in {@link #cleanUp()} even when verification fails. The
 * interactions the account cannot serve are excluded by {@link LiveExclusions}, each printed with its reason.
 */
@Provider(PROVIDER)
@Consumer(CONSUMER)
@PactFolder("target/pacts")
@PactFilter(value = "live", filter = LiveExclusions.class)
class LiveProviderPactIT extends ProviderVerification {

  private LiveSession session;
  private List<Object> states;

  @BeforeAll
  void connect() {
    session = new LiveSession(LiveConfig.current());
    System.out.println("Live verification against " + session.config());
    session.connect();
    // Made once: some remember what they changed (LiveOrgSettingsStates) until the clean-up.
    states = TagClasses.instances(LiveCallerStates.class, LiveSession.class, session);
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(target(session.config().baseUrl()));
    context.withStateChangeHandlers(states.toArray());
  }

  @Override
  protected Map<String, String> excluded() {
    return LiveExclusions.excluded();
  }

  @AfterAll
  void cleanUp() {
    if (session != null) {
      session.cleanUp();
    }
  }
}
