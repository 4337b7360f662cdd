package io.github.hubsdk.contracts.provider;

import static io.github.hubsdk.contracts.Contract.CONSUMER;
import static io.github.hubsdk.contracts.Contract.PROVIDER;

import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** Verifies every interaction of the pacts the consumer tests wrote against the hub-emulator. */
@Provider(PROVIDER)
@Consumer(CONSUMER)
@PactFolder("target/pacts")
class EmulatorProviderPactIT extends EmulatorVerification {
}
