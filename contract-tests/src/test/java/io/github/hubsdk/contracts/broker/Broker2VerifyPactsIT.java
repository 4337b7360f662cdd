package io.github.hubsdk.contracts.broker;

import static io.github.hubsdk.contracts.Contract.CONSUMER;
import static io.github.hubsdk.contracts.Contract.PROVIDER;

import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerAuth;
import io.github.hubsdk.contracts.provider.EmulatorVerification;

/**
 * The emulator verification again, with the pacts fetched from the Pact Broker, so that the results are
 * published to it ({@code pact.verifier.publishResults=true}, {@code pact.provider.version} set by the
 * {@code pact-broker} profile).
 */
@Provider(PROVIDER)
@Consumer(CONSUMER)
@PactBroker(url = "${pactbroker.url}", authentication = @PactBrokerAuth(token = "${pactbroker.auth.token:}"))
class Broker2VerifyPactsIT extends EmulatorVerification {
}
