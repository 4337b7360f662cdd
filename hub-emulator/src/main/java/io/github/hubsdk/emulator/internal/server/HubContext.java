package io.github.hubsdk.emulator.internal.server;

import io.github.hubsdk.emulator.internal.auth.Authenticator;
import io.github.hubsdk.emulator.internal.state.Store;
import java.time.Instant;

/**
 * What every resource works with: the state, the authenticator (logins, JWTs) and the clock. Resources run
 * under the store's lock, taken by the {@link Dispatch}: the read lock for a read-only handler, else the
 * write lock. Internal API.
 *
 * @param store the state families
 * @param auth logins, lock-out and JWT issue
 */
public record HubContext(Store store, Authenticator auth) {

  /** The emulator clock's time, to the millisecond (as the live Hub's timestamps). */
  public Instant now() {
    return auth.now();
  }
}
