package io.github.hubsdk.client;

import feign.Contract;
import feign.InvocationHandlerFactory;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.Target;
import feign.codec.DecodeException;
import feign.codec.ErrorDecoder;
import io.github.hubsdk.openapi.PathSegmentExpander;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shorter way through Feign for the simplest operations: a method whose only parameters are path
 * segments (expanded by {@link PathSegmentExpander}), with no query, no body and fixed headers, has its
 * request line compiled once, so a call costs a string concatenation instead of Feign's template copies
 * and expansions (about a third of what a call allocated). The request then takes the same way as any
 * other: {@link CallPolicies}, the edge, {@link HubCodec} for a success, the error decoder otherwise.
 * Every other method, and any call with a null or empty argument, goes through Feign's own handler.
 */
final class DirectCalls implements InvocationHandlerFactory {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  /** Literal parts Feign would send unchanged. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/_.~-]*");

  private final feign.Client client;
  private final Request.Options options;
  private final HubCodec codec;
  private final ErrorDecoder errors;

  DirectCalls(feign.Client client, Request.Options options, HubCodec codec, ErrorDecoder errors) {
    this.client = client;
    this.options = options;
    this.codec = codec;
    this.errors = errors;
  }

  @Override
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler feign = new InvocationHandlerFactory.Default().create(target, dispatch);
    Map<Method, Direct> direct = compile(target);
    if (direct.isEmpty()) {
      return feign;
    }
    return (proxy, method, args) -> {
      Direct d = direct.get(method);
      String url = d == null ? null : d.url(args);
      return url == null ? feign.invoke(proxy, method, args) : d.call(url);
    };
  }

  private Map<Method, Direct> compile(Target<?> target) {
    String base = target.url();
    if (base == null || base.endsWith("/") || base.indexOf('?') >= 0 || base.indexOf('{') >= 0) {
      return Map.of();
    }
    Map<Method, Direct> out = new HashMap<>();
    List<MethodMetadata> all;
    try {
      all = new Contract.Default().parseAndValidateMetadata(target.type());
    } catch (RuntimeException notFeignsDefault) {
      return Map.of();
    }
    for (MethodMetadata md : all) {
      Direct d = md.method() == null ? null : compile(base, target, md);
      if (d != null) {
        out.put(md.method(), d);
      }
    }
    return out;
  }

  /** The compiled request of {@code md}, or null when it needs anything but path segments. */
  private Direct compile(String base, Target<?> target, MethodMetadata md) {
    RequestTemplate t = md.template();
    String uri = t.url();
    int params = md.method().getParameterCount();
    if (md.isIgnored() || md.bodyIndex() != null || md.urlIndex() != null || md.headerMapIndex() != null
        || md.queryMapIndex() != null || !md.formParams().isEmpty() || t.bodyTemplate() != null
        || t.body() != null || !t.queries().isEmpty() || uri == null || !uri.startsWith("/") || uri.indexOf('?') >= 0
        || md.returnType() == Response.class || md.indexToName().size() != params) {
      return null;
    }
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, Collection<String>> h : t.headers().entrySet()) {
      for (String v : h.getValue()) {
        if (v == null || v.indexOf('{') >= 0) {
          return null;
        }
      }
      headers.put(h.getKey(), List.copyOf(h.getValue()));
    }
    // Each parameter is exactly one named path variable, expanded by PathSegmentExpander.
    String[] names = new String[params];
    for (int i = 0; i < params; i++) {
      Collection<String> n = md.indexToName().get(i);
      if (n == null || n.size() != 1 || md.indexToExpanderClass().get(i) != PathSegmentExpander.class) {
        return null;
      }
      names[i] = n.iterator().next();
    }
    List<String> literals = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    Matcher m = VARIABLE.matcher(uri);
    int at = 0;
    while (m.find()) {
      int index = indexOf(names, m.group(1));
      if (index < 0) {
        return null;
      }
      literals.add(uri.substring(at, m.start()));
      slots.add(index);
      at = m.end();
    }
    literals.add(uri.substring(at));
    if (slots.size() != params || !literals.stream().allMatch(l -> PLAIN.matcher(l).matches())) {
      return null; // a variable Feign would read otherwise (a regex, a name used twice), or text it would encode
    }
    literals.set(0, base + literals.get(0));
    RequestTemplate shared = new RequestTemplate();
    shared.methodMetadata(md);
    shared.feignTarget(target);
    return new Direct(Request.HttpMethod.valueOf(t.method()), literals.toArray(String[]::new),
        slots.stream().mapToInt(Integer::intValue).toArray(), Map.copyOf(headers), md.returnType(), md.configKey(),
        shared);
  }

  private static int indexOf(String[] names, String name) {
    int found = -1;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /** One compiled operation: the URL's literal parts around its path segments, and what Feign would add. */
  private final class Direct {
    private final Request.HttpMethod method;
    private final String[] literals;
    private final int[] slots;
    private final Map<String, Collection<String>> headers;
    private final Type returnType;
    private final String configKey;
    private final RequestTemplate template;

    Direct(Request.HttpMethod method, String[] literals, int[] slots, Map<String, Collection<String>> headers,
        Type returnType, String configKey, RequestTemplate template) {
      this.method = method;
      this.literals = literals;
      this.slots = slots;
      this.headers = headers;
      this.returnType = returnType;
      this.configKey = configKey;
      this.template = template;
    }

    /** The request URL, or null when an argument is one Feign treats specially (null, or empty). */
    String url(Object[] args) {
      StringBuilder sb = new StringBuilder(literals[0].length() + 48);
      sb.append(literals[0]);
      for (int i = 0; i < slots.length; i++) {
        Object value = args[slots[i]];
        if (value == null) {
          return null;
        }
        String segment = PathSegmentExpander.encode(value.toString());
        if (segment.isEmpty()) {
          return null;
        }
        sb.append(segment).append(literals[i + 1]);
      }
      return sb.toString();
    }

    Object call(String url) throws Exception {
      Request request = Request.create(method, url, headers, (byte[]) null, null, template);
      Response response = client.execute(request, options);
      int status = response.status();
      if (status < 200 || status >= 300) {
        throw errors.decode(configKey, response);
      }
      if (returnType == void.class || returnType == Void.class) {
        return null;
      }
      try {
        return codec.decode(response, returnType, CallPolicies.operationOf(request));
      } catch (IOException e) {
        // Not with the edge's in-memory bodies; as Feign's own handler would, a FeignException.
        throw new DecodeException(status, e.getMessage() + " reading " + method + " " + url, request, e);
      }
    }
  }
}
