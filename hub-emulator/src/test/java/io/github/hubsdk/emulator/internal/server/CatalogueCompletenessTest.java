package io.github.hubsdk.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.emulator.RetryAfterFormat;
import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.auth.Authenticator;
import io.github.hubsdk.emulator.internal.auth.Jwt;
import io.github.hubsdk.emulator.internal.auth.Who;
import io.github.hubsdk.emulator.internal.rate.RetryAfter;
import io.github.hubsdk.emulator.internal.resources.Resources;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.catalog.Outcome;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator serves the whole catalogue, and only it; every error schema the spec names is rendered. */
class CatalogueCompletenessTest {

  private final Store store = new Store(100);
  private final HubContext hub = new HubContext(store,
      new Authenticator(store, Clock.systemUTC(), new Jwt(new byte[32]), Duration.ofMinutes(10), 5, Duration.ofMinutes(10)));
  private final ErrorDialect dialect = new ErrorDialect(Clock.systemUTC(),
      new RetryAfter(Clock.systemUTC(), RetryAfterFormat.DELTA_SECONDS, false));

  @Test
  void everyOperationOfTheCatalogueHasAHandler() {
    List<HubOperation> missing = Dispatch.missing(Dispatch.scan(Resources.all(hub)).keySet());
    assertThat(missing).as("operations without a @Handles method in internal/resources").isEmpty();
  }

  @Test
  void startingWithoutAHandlerForSomeOperationFailsNamingThem() {
    List<Object> resources = new ArrayList<>(Resources.all(hub));
    resources.remove(0); // the authentication resource
    assertThatThrownBy(() -> new Dispatch(resources, store, hub.auth(), dialect))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("createAuthToken").hasMessageContaining("login2fa").hasMessageContaining("login");
  }

  static final class Stray {
    @Handles("listAllTheThings")
    Reply things(Call c) {
      return Reply.noContent();
    }
  }

  static final class Twice {
    @Handles("listAccessTokens")
    Reply again(Call c) {
      return Reply.noContent();
    }
  }

  static final class Insecure {
    @Handles(value = "getOrgSettings", callers = {Who.ANONYMOUS, Who.PASSWORD})
    Reply open(Call c) {
      return Reply.noContent();
    }

    @Handles("createAuthToken")
    Reply jwtOnALogin(Call c) {
      return Reply.noContent();
    }
  }

  @Test
  void aHandlerForAnUnknownOperationADuplicateOrAContradictedSecurityIsAStartError() {
    assertThatThrownBy(() -> Dispatch.scan(List.of(new Stray())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("listAllTheThings");
    List<Object> twice = new ArrayList<>(Resources.all(hub));
    twice.add(new Twice());
    assertThatThrownBy(() -> Dispatch.scan(twice))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("both handle listAccessTokens");
    assertThatThrownBy(() -> Dispatch.scan(List.of(new Insecure())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("getOrgSettings does not allow anonymous callers")
        .hasMessageContaining("createAuthToken needs no credentials");
  }

  @Test
  void theDialectRendersEveryErrorSchemaTheCatalogueDeclares() {
    for (HubOperation op : HubOperation.values()) {
      for (Outcome o : op.outcomes()) {
        if (!o.success() && o.schema() != null) {
          assertThat(ErrorDialect.SCHEMAS).as(op.operationId() + " " + o.status()).contains(o.schema());
        }
      }
    }
  }

  @Test
  void theScopeStrengthOrderListsExactlyTheSpecsScopes() {
    List<String> spec = Arrays.stream(AccessTokenScope.values()).filter(s -> s != AccessTokenScope.UNKNOWN_DEFAULT_OPEN_API)
        .map(AccessTokenScope::getValue).toList();
    assertThat(ApiRules.SCOPES).containsExactlyInAnyOrderElementsOf(spec);
  }
}
