package io.github.hubsdk.emulator.internal.http;

import java.util.List;
import java.util.Map;

/**
 * A request as read off the socket.
 *
 * @param method the method as sent (upper case by convention; not changed)
 * @param rawPath the percent-encoded path
 * @param rawQuery the raw query without {@code ?}, or null
 * @param headers the headers in arrival order (names as sent)
 * @param body the body, empty when there was none or when it was too large to read
 * @param remoteIp the client's address
 * @param bodyTooLarge true when the body was refused unread (its declared or read length passed the limit)
 */
public record RawRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
    byte[] body, String remoteIp, boolean bodyTooLarge) {}
