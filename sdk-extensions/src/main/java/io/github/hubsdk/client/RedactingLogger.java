package io.github.hubsdk.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire log: every request and answer at DEBUG on SLF4J logger {@value #LOGGER_NAME}, with every
 * credential masked: the {@code Authorization} and cookie headers, the JSON values of {@code password},
 * {@code secret}, {@code token}, {@code access_token}, {@code login_2fa_token} and {@code code} in bodies
 * (where Docker Hub's login and token calls carry secrets in both directions), and every secret the client
 * holds wherever it appears (a server that echoes one back). Bodies are cut at {@value #MAX_BODY_LOG} bytes
 * before they become text; nothing is formatted when DEBUG is off.
 */
final class RedactingLogger {

  static final String LOGGER_NAME = "io.github.hubsdk.client.http";
  static final String MASK = Secrets.MASK;
  static final int MAX_BODY_LOG = 8 * 1024;
  private static final int OVERLAP = 2 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Pattern SECRET_JSON = Pattern.compile(
      "(\"(?:password|secret|token|access_token|refresh_token|login_2fa_token|code)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private final Secrets secrets;

  RedactingLogger(Secrets secrets) {
    this.secrets = secrets;
  }

  static String redactBody(String body) {
    Matcher m = SECRET_JSON.matcher(body);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\"" + MASK + "\""));
  }

  static String redactHeader(String name, String value) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : value;
  }

  boolean enabled() {
    return LOG.isDebugEnabled();
  }

  void request(String operation, String method, String url, Map<String, ? extends Iterable<String>> headers,
      byte[] body) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    StringBuilder sb = new StringBuilder("[").append(operation).append("] ---> ").append(method).append(' ')
        .append(secrets.redact(url));
    appendHeaders(sb, headers);
    appendBody(sb, body, body == null ? 0 : body.length);
    LOG.debug(sb.toString());
  }

  void response(String operation, int status, Duration elapsed, Map<String, List<String>> headers, byte[] body,
      long bodyLength) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    StringBuilder sb = new StringBuilder("[").append(operation).append("] <--- ").append(status).append(" (")
        .append(elapsed.toMillis()).append(" ms)");
    appendHeaders(sb, headers);
    appendBody(sb, body, bodyLength);
    LOG.debug(sb.toString());
  }

  void failure(String operation, Throwable failure, Duration elapsed) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("[{}] <--- ERROR {}: {} ({} ms)", operation, failure.getClass().getSimpleName(),
          secrets.redact(failure.getMessage()), elapsed.toMillis());
    }
  }

  private void appendHeaders(StringBuilder sb, Map<String, ? extends Iterable<String>> headers) {
    headers.forEach((name, values) -> values.forEach(v -> sb.append('\n').append(name).append(": ")
        .append(secrets.redact(redactHeader(name, v)))));
  }

  private void appendBody(StringBuilder sb, byte[] body, long length) {
    if (body == null || body.length == 0) {
      return;
    }
    // Masked over a wider window than is shown, so a secret that straddles the cut is masked, not halved.
    int window = Math.min(body.length, MAX_BODY_LOG + OVERLAP);
    String text = secrets.redact(redactBody(new String(body, 0, window, StandardCharsets.UTF_8)));
    boolean cut = text.length() > MAX_BODY_LOG;
    sb.append("\n\n").append(cut ? text.substring(0, MAX_BODY_LOG) : text);
    if (cut || length > window) {
      sb.append("... (").append(length).append(" bytes)");
    }
  }
}
