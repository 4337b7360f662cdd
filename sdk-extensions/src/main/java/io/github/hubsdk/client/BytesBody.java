package io.github.hubsdk.client;

import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * An answer's body as the edge read it, handed through Feign unchanged so that the decoders parse the
 * array itself instead of a stream over a copy of it.
 */
final class BytesBody implements Response.Body {

  private final byte[] bytes;

  BytesBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The bytes of a body, without copying when it is one of ours. */
  static byte[] of(Response response) throws java.io.IOException {
    Response.Body body = response.body();
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof BytesBody b) {
      return b.bytes;
    }
    try (InputStream in = body.asInputStream()) {
      return in.readAllBytes();
    }
  }

  @Override
  public Integer length() {
    return bytes.length;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public InputStream asInputStream() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public Reader asReader(Charset charset) {
    return new InputStreamReader(asInputStream(), charset);
  }

  @Override
  public void close() {
    // nothing to release: the connection was returned when the body was read
  }
}
