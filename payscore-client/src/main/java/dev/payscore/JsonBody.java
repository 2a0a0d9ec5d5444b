package dev.payscore;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body the converter serialised: its bytes are never handed out of this package, so the
 * signing interceptor signs and sends them as they are, without copying them into a new body.
 */
final class JsonBody extends RequestBody {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** Written by the converter once, read only by {@link WechatPayInterceptor}; never changed. */
  final byte[] bytes;

  JsonBody(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public MediaType contentType() {
    return JSON;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(bytes);
  }
}
