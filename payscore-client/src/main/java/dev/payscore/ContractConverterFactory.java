package dev.payscore;

import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.model.ValidationException;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.internal.FieldEncryption;
import dev.payscore.model.ContractModel;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Binds request and response bodies with Moshi: validates every request body against the contract
 * before it is serialised (so no invalid body is ever sent) and encrypts its personal fields, refuses
 * empty path and query parameters and the path segments {@code .} and {@code ..} (each would change
 * the path), and turns an unreadable response into a {@link WechatPayResponseException}.
 */
final class ContractConverterFactory extends Converter.Factory {
  private final Moshi moshi;
  private final AtomicReference<ResponseVerifier> verifier;
  private final @Nullable PlatformCertificates certificates;

  ContractConverterFactory(Moshi moshi, AtomicReference<ResponseVerifier> verifier,
      @Nullable PlatformCertificates certificates) {
    this.moshi = moshi;
    this.verifier = verifier;
    this.certificates = certificates;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    final JsonAdapter<Object> adapter = moshi.adapter(type);
    return new Converter<Object, RequestBody>() {
      @Override
      public RequestBody convert(Object value) throws IOException {
        if (value instanceof ContractModel) {
          ContractModel model = (ContractModel) value;
          model.validate();
          ResponseVerifier current = verifier.get();
          if (current == null && certificates != null) {
            // No key yet: the platform certificates are downloaded when the call runs, before the
            // body is written; it is encrypted then (a download failure is the call's failure).
            return new EncryptedWhenWritten(adapter, model, certificates);
          }
          value = FieldEncryption.encrypt(model, current.keys().preferredEncryptor());
        }
        Buffer buffer = new Buffer();
        adapter.toJson(JsonWriter.of(buffer), value);
        return new JsonBody(buffer.readByteArray());
      }
    };
  }

  /** A body whose personal fields are encrypted when it is written, for the keys in force then. */
  private static final class EncryptedWhenWritten extends RequestBody {
    private final JsonAdapter<Object> adapter;
    private final ContractModel model;
    private final PlatformCertificates certificates;

    EncryptedWhenWritten(JsonAdapter<Object> adapter, ContractModel model, PlatformCertificates certificates) {
      this.adapter = adapter;
      this.model = model;
      this.certificates = certificates;
    }

    @Override
    public okhttp3.MediaType contentType() {
      return JsonBody.JSON;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      Object encrypted = FieldEncryption.encrypt(model, certificates.current().keys().preferredEncryptor());
      adapter.toJson(JsonWriter.of(sink), encrypted);
    }
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    final JsonAdapter<Object> adapter = moshi.adapter(type);
    return new Converter<ResponseBody, Object>() {
      @Override
      public Object convert(ResponseBody body) throws IOException {
        AnswerContext answer = AnswerContext.take();
        try {
          BufferedSource source = body.source();
          if (source.exhausted()) {
            throw unreadable("WeChat Pay answered with an empty body where JSON was expected", answer, null);
          }
          JsonReader reader = JsonReader.of(source);
          Object value = adapter.fromJson(reader);
          if (value == null) {
            throw unreadable("WeChat Pay answered null where an object was expected", answer, null);
          }
          if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
            throw unreadable("WeChat Pay answered with data after the JSON value", answer, null);
          }
          return value;
        } catch (JsonDataException | JsonEncodingException | EOFException e) {
          throw unreadable("WeChat Pay's answer does not match the contract: " + e.getMessage(), answer, e);
        } finally {
          body.close();
        }
      }
    };
  }

  /** A verified answer that cannot be read: the outcome is unknown, the status and Request-ID kept. */
  private static WechatPayResponseException unreadable(String message, AnswerContext answer,
      @Nullable Throwable cause) {
    return new WechatPayResponseException(message + "; the outcome is unknown, query first",
        answer.httpStatus, answer.requestId, cause);
  }

  @Override
  public @Nullable Converter<?, String> stringConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type != String.class) {
      return null;
    }
    for (Annotation annotation : annotations) {
      if (annotation instanceof Path || annotation instanceof Query) {
        final boolean path = annotation instanceof Path;
        final String name = path ? ((Path) annotation).value() : ((Query) annotation).value();
        return new Converter<String, String>() {
          @Override
          public String convert(String value) {
            if (value.isEmpty()) {
              throw new ValidationException(
                  "parameters", Collections.singletonList(name + ": must not be empty"));
            }
            if (path && (value.equals(".") || value.equals(".."))) {
              throw new ValidationException("parameters", Collections.singletonList(
                  name + ": must not be \".\" or \"..\" (it would change the path)"));
            }
            return value;
          }
        };
      }
    }
    return null;
  }
}
