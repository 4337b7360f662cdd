package io.github.hubsdk.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hubsdk.openapi.model.CreateAccessTokenRequest;
import io.github.hubsdk.openapi.model.DeleteImagesRequest;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strict binding of request bodies to the generated models, with Docker Hub's texts for each failure. */
class BodyBinderTest {

  private static HubError fail(String body, Class<?> type) {
    return catchThrowableOfType(HubError.class, () -> BodyBinder.bind(body.getBytes(StandardCharsets.UTF_8), type));
  }

  @Test
  void bindsAModel() {
    CreateAccessTokenRequest r = BodyBinder.bind(
        "{\"token_label\":\"ci\",\"scopes\":[\"repo:read\"],\"unknown\":1}".getBytes(StandardCharsets.UTF_8),
        CreateAccessTokenRequest.class);
    assertThat(r.getTokenLabel()).isEqualTo("ci");
    assertThat(r.getScopes()).hasSize(1);
  }

  @Test
  void trailingDataIsRefused() {
    HubError e = fail("{\"token_label\":\"ci\"}garbage", CreateAccessTokenRequest.class);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.fields().get(0).field()).isEqualTo("non_field_errors");
    assertThat(fail("{\"a\":1} {\"b\":2}", CreateAccessTokenRequest.class)).isNotNull();
  }

  @Test
  void notAnObjectIsRefused() {
    assertThat(fail("[1,2]", CreateAccessTokenRequest.class).fields().get(0).problem()).isEqualTo(Texts.BODY_NOT_OBJECT);
    assertThat(fail("", CreateAccessTokenRequest.class).fields().get(0).problem()).isEqualTo(Texts.BODY_NOT_OBJECT);
    assertThat(fail("not json", CreateAccessTokenRequest.class).fields().get(0).problem()).isEqualTo(Texts.BODY_NOT_JSON);
  }

  @Test
  void wrongTypesAndUnknownEnumValuesNameTheField() {
    HubError bool = fail("{\"is_active\":\"yes\"}", UpdateAccessTokenRequest.class);
    assertThat(bool.fields().get(0).field()).isEqualTo("is_active");
    assertThat(bool.fields().get(0).problem()).isEqualTo(Texts.BOOLEAN);
    HubError scope = fail("{\"token_label\":\"x\",\"scopes\":[\"repo:everything\"]}", CreateAccessTokenRequest.class);
    assertThat(scope.fields().get(0).field()).isEqualTo("scopes");
    assertThat(scope.fields().get(0).problem().drf()).isEqualTo("\"repo:everything\" is not a valid choice.");
    HubError time = fail("{\"expires_at\":\"tomorrow\"}", CreateAccessTokenRequest.class);
    assertThat(time.fields().get(0).problem()).isEqualTo(Texts.DATETIME);
    HubError nested = fail("{\"manifests\":[{\"repository\":\"web\",\"digest\":5}],\"ignore_warnings\":[{\"warning\":\"x\"}]}",
        DeleteImagesRequest.class);
    assertThat(nested.fields().get(0).field()).isEqualTo("ignore_warnings");
    assertThat(nested.fields().get(0).name()).isEqualTo("ignore_warnings[0].warning");
  }
}
