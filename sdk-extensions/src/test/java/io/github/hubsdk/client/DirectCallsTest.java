package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import io.github.hubsdk.openapi.api.AccessTokensApi;
import io.github.hubsdk.openapi.api.AccountsApi;
import io.github.hubsdk.openapi.api.AuditLogsApi;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.api.GroupsApi;
import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.api.InvitesApi;
import io.github.hubsdk.openapi.api.OrgAccessTokensApi;
import io.github.hubsdk.openapi.api.OrgSettingsApi;
import io.github.hubsdk.openapi.api.OrgsApi;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.api.ScimApi;
import io.github.hubsdk.openapi.json.HubJson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectCalls} must send exactly what Feign's own handler sends: every method of every generated
 * interface is called both ways with awkward arguments, and the requests that reach the client are compared
 * (method, URL, headers, body, and the operation the policies read from the template).
 */
class DirectCallsTest {

  private static final String BASE = "http://127.0.0.1:1";
  private static final List<Class<?>> APIS = List.of(AccessTokensApi.class, AccountsApi.class, AuditLogsApi.class,
      AuthenticationApi.class, GroupsApi.class, ImagesApi.class, InvitesApi.class, OrgAccessTokensApi.class,
      OrgSettingsApi.class, OrgsApi.class, RepositoriesApi.class, ScimApi.class);
  private static final String[] SEGMENTS = {"plain", "a b", "%2e%2e", "..%2f", "a/b", "ü-ñ", "~x_y.z", "+&=?#"};

  /** Records the request and stops the call there. */
  private static final class Capture implements feign.Client {
    Request last;

    @Override
    public feign.Response execute(Request request, Request.Options options) {
      last = request;
      throw new Stop();
    }
  }

  private static final class Stop extends RuntimeException {
    Stop() {
      super("captured", null, false, false);
    }
  }

  @Test
  void sendsWhatFeignSends() throws Exception {
    ObjectMapper mapper = HubJson.newMapper();
    Secrets secrets = new Secrets();
    HubCodec codec = new HubCodec(mapper, secrets);
    HubErrorDecoder errors = new HubErrorDecoder(mapper, Clock.systemUTC(), secrets);
    Request.Options options = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);
    Capture viaFeign = new Capture();
    Capture viaDirect = new Capture();
    int compared = 0;
    for (Class<?> api : APIS) {
      Object plain = builder(viaFeign, codec, errors, options).target(api, BASE);
      Object fast = builder(viaDirect, codec, errors, options)
          .invocationHandlerFactory(new DirectCalls(viaDirect, options, codec, errors)).target(api, BASE);
      for (Method m : api.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
          continue;
        }
        for (String segment : SEGMENTS) {
          Object[] args = arguments(m, segment);
          if (args == null) {
            break;
          }
          viaFeign.last = null;
          viaDirect.last = null;
          call(m, plain, args);
          call(m, fast, args);
          assertThat(viaDirect.last).as(m.toString()).isNotNull();
          assertThat(describe(viaDirect.last)).as(m + " " + segment).isEqualTo(describe(viaFeign.last));
          assertThat(CallPolicies.operationOf(viaDirect.last)).isEqualTo(m.getName());
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
    // The short way is taken where it applies (one check that it is not silently off).
    Object fast = builder(viaDirect, codec, errors, options)
        .invocationHandlerFactory(new DirectCalls(viaDirect, options, codec, errors)).target(AccessTokensApi.class, BASE);
    assertThat(java.lang.reflect.Proxy.getInvocationHandler(fast).getClass().getName()).contains("DirectCalls");
  }

  @Test
  void aNullArgumentGoesThroughFeignAsBefore() {
    Capture capture = new Capture();
    ObjectMapper mapper = HubJson.newMapper();
    Secrets secrets = new Secrets();
    HubCodec codec = new HubCodec(mapper, secrets);
    HubErrorDecoder errors = new HubErrorDecoder(mapper, Clock.systemUTC(), secrets);
    Request.Options options = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);
    AccessTokensApi plain = builder(capture, codec, errors, options).target(AccessTokensApi.class, BASE);
    AccessTokensApi fast = builder(capture, codec, errors, options)
        .invocationHandlerFactory(new DirectCalls(capture, options, codec, errors)).target(AccessTokensApi.class, BASE);
    Class<? extends Throwable> expected = thrown(() -> plain.getAccessToken(null));
    assertThatThrownBy(() -> fast.getAccessToken(null)).isInstanceOf(expected);
  }

  private static Class<? extends Throwable> thrown(Runnable r) {
    try {
      r.run();
      return Stop.class;
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static Feign.Builder builder(feign.Client client, HubCodec codec, HubErrorDecoder errors,
      Request.Options options) {
    return Feign.builder().client(client).options(options).encoder(codec).responseInterceptor(codec)
        .errorDecoder(errors).retryer(Retryer.NEVER_RETRY);
  }

  private static void call(Method m, Object target, Object[] args) throws Exception {
    try {
      m.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (!(e.getCause() instanceof Stop)) {
        throw new AssertionError(m + " failed: " + e.getCause(), e.getCause());
      }
    }
  }

  /** Arguments for a method whose parameters are all simple, or null for any other. */
  private static Object[] arguments(Method m, String segment) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == String.class) {
        args[i] = segment + i;
      } else if (t == UUID.class) {
        args[i] = UUID.nameUUIDFromBytes(segment.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else if (t == Integer.class || t == int.class) {
        args[i] = 7 + i;
      } else if (t == Long.class || t == long.class) {
        args[i] = 7L + i;
      } else if (t == Boolean.class || t == boolean.class) {
        args[i] = Boolean.TRUE;
      } else {
        return null;
      }
    }
    return args;
  }

  private static String describe(Request r) {
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    r.headers().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    byte[] body = r.body();
    return r.httpMethod() + " " + r.url() + " " + headers + " body=" + (body == null || body.length == 0 ? "none"
        : new String(body, java.nio.charset.StandardCharsets.UTF_8)) + " charset=" + (body == null || body.length == 0
        ? "-" : r.charset());
  }
}
