package io.github.hubsdk.client;

import feign.Request;
import feign.Response;
import feign.Util;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Feign's wire log, sent to SLF4J logger {@value #LOGGER_NAME} at DEBUG, with every credential masked:
 * the {@code Authorization} and cookie headers, and the JSON values of {@code password}, {@code secret},
 * {@code token}, {@code access_token}, {@code login_2fa_token} and {@code code} in bodies, which is where
 * Docker Hub's login and token calls carry secrets in both directions. Nothing is read or buffered when
 * DEBUG is off.
 */
final class RedactingLogger extends feign.Logger {

  static final String LOGGER_NAME = "io.github.hubsdk.client.http";
  static final String MASK = "****";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Pattern SECRET_JSON = Pattern.compile(
      "(\"(?:password|secret|token|access_token|refresh_token|login_2fa_token|code)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final int MAX_BODY_LOG = 8 * 1024;

  static String redactBody(String body) {
    Matcher m = SECRET_JSON.matcher(body);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\"" + MASK + "\""));
  }

  static String redactHeader(String name, String value) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : value;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(methodTag(configKey) + String.format(format, args));
    }
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    StringBuilder sb = new StringBuilder(methodTag(configKey)).append("---> ").append(request.httpMethod())
        .append(' ').append(request.url());
    appendHeaders(sb, request.headers());
    if (request.body() != null && request.body().length > 0) {
      sb.append("\n\n").append(redactBody(text(request.body())));
    }
    LOG.debug(sb.toString());
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime)
      throws IOException {
    if (!LOG.isDebugEnabled()) {
      return response;
    }
    StringBuilder sb = new StringBuilder(methodTag(configKey)).append("<--- ").append(response.status())
        .append(" (").append(elapsedTime).append(" ms)");
    appendHeaders(sb, response.headers());
    Response result = response;
    if (response.body() != null) {
      byte[] body;
      try (InputStream in = response.body().asInputStream()) {
        body = Util.toByteArray(in);
      }
      if (body.length > 0) {
        sb.append("\n\n").append(redactBody(text(body)));
      }
      result = response.toBuilder().body(body).build();
    }
    LOG.debug(sb.toString());
    return result;
  }

  @Override
  protected IOException logIOException(String configKey, Level logLevel, IOException ioe, long elapsedTime) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}<--- ERROR {}: {} ({} ms)", methodTag(configKey), ioe.getClass().getSimpleName(), ioe.getMessage(),
          elapsedTime);
    }
    return ioe;
  }

  @Override
  protected void logRetry(String configKey, Level logLevel) {
    // Retries are decided and logged by the client, not by Feign (whose retryer is disabled).
  }

  private static void appendHeaders(StringBuilder sb, Map<String, Collection<String>> headers) {
    headers.forEach((name, values) -> values.forEach(v -> sb.append('\n').append(name).append(": ")
        .append(redactHeader(name, v))));
  }

  private static String text(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, MAX_BODY_LOG), StandardCharsets.UTF_8);
    return body.length > MAX_BODY_LOG ? s + "... (" + body.length + " bytes)" : s;
  }
}
