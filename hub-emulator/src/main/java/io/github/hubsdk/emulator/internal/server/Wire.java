package io.github.hubsdk.emulator.internal.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.catalog.Outcome;
import io.github.hubsdk.openapi.catalog.Paging;
import io.github.hubsdk.openapi.json.HubJson;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The emulator's JSON: {@link HubJson#newMapper()} (the mapping the SDK uses too, strict about trailing
 * data) plus two server-side rules. Enum values the spec does not list are refused on input (the models
 * decode them as {@code UNKNOWN_DEFAULT_OPEN_API}, which suits a client, not a validating server). And the
 * models in which the live Hub writes {@code null} rather than leaving a field out (an access token's
 * {@code expires_at}, an image's {@code last_pulled}) keep their nulls. Internal API.
 */
public final class Wire {

  private static final String MODELS = "io.github.hubsdk.openapi.model.";

  /** Shared, thread-safe once built. */
  public static final ObjectMapper MAPPER = build();

  private Wire() {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private abstract static class KeepNulls {}

  /**
   * An organization access token says {@code "expires_at": null} and {@code "last_used_at": null} (Docker's
   * examples), while its secret and resources stay absent where they are not shown.
   */
  private abstract static class OatNulls {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract java.time.OffsetDateTime getExpiresAt();

    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract java.time.OffsetDateTime getLastUsedAt();
  }

  private static ObjectMapper build() {
    ObjectMapper mapper = HubJson.newMapper();
    mapper.addMixIn(io.github.hubsdk.openapi.model.OrgAccessToken.class, OatNulls.class);
    mapper.addMixIn(AccessToken.class, KeepNulls.class);
    mapper.addMixIn(Image.class, KeepNulls.class);
    // The live tag answers say "variant": null, "tag_last_pulled": null (facts), not nothing.
    mapper.addMixIn(io.github.hubsdk.openapi.model.TagImage.class, KeepNulls.class);
    mapper.addMixIn(io.github.hubsdk.openapi.model.RepositoryTag.class, KeepNulls.class);
    // Every linked page: the last one says "next": null (and the first "previous": null), not nothing.
    for (HubOperation op : HubOperation.values()) {
      if (op.paging() == Paging.LINKED || op.paging() == Paging.LINKED_TOTAL) {
        Outcome ok = op.outcome(op.successStatus());
        if (ok != null && ok.schema() != null) {
          try {
            mapper.addMixIn(Class.forName(MODELS + ok.schema()), KeepNulls.class);
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no model class for the page schema " + ok.schema(), e);
          }
        }
      }
    }
    SimpleModule strictEnums = new SimpleModule("hub-emulator-strict-enums");
    strictEnums.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
          BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new StrictEnum(deserializer, type.getRawClass());
      }
    });
    mapper.registerModule(strictEnums);
    return mapper;
  }

  /** Serializes a model or tree. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An instant as the models' date-time (UTC). */
  public static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static final class StrictEnum extends DelegatingDeserializer {
    private final Class<?> type;

    StrictEnum(JsonDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new StrictEnum(newDelegatee, type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getText();
      Object value = super.deserialize(p, ctxt);
      if (value instanceof Enum<?> e && e.name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
        throw InvalidFormatException.from(p, "not one of the spec's values", text, type);
      }
      return value;
    }
  }
}
