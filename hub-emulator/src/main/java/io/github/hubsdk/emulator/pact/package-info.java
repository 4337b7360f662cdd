/**
 * Pact provider states of the hubsdk pacts, implemented once for the emulator and served both in-process
 * ({@link io.github.hubsdk.emulator.DockerHubEmulator#providerStates()}) and over HTTP
 * ({@code POST /_emulator/pact/provider-states}). One class per tag of the spec, found by the tag.
 */
package io.github.hubsdk.emulator.pact;
