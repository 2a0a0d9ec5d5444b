package dev.payscore;

import dev.payscore.model.ValidationException;

import dev.payscore.internal.QueryContract;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Enforces a generated operation's {@link QueryContract} before anything is sent: required query
 * parameters present, and exactly one of an {@code exactlyOneOf} group. A broken rule is a {@link
 * ValidationException}, thrown by {@code execute()} or given to {@code onFailure}.
 */
final class QueryContractCallAdapterFactory extends CallAdapter.Factory {
  @Override
  public @Nullable CallAdapter<?, ?> get(
      Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (getRawType(returnType) != Call.class || !(returnType instanceof ParameterizedType)) {
      return null;
    }
    QueryContract contract = null;
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryContract) {
        contract = (QueryContract) annotation;
      }
    }
    if (contract == null) {
      return null;
    }
    final QueryContract rules = contract;
    final Type responseType = getParameterUpperBound(0, (ParameterizedType) returnType);
    return new CallAdapter<Object, Call<Object>>() {
      @Override
      public Type responseType() {
        return responseType;
      }

      @Override
      public Call<Object> adapt(Call<Object> call) {
        return new CheckedCall<>(call, rules);
      }
    };
  }

  static void check(HttpUrl url, QueryContract rules) {
    List<String> violations = new ArrayList<>();
    for (String name : rules.required()) {
      if (url.queryParameter(name) == null) {
        violations.add(name + ": required");
      }
    }
    if (rules.exactlyOneOf().length > 0) {
      List<String> present = new ArrayList<>();
      for (String name : rules.exactlyOneOf()) {
        if (url.queryParameter(name) != null) {
          present.add(name);
        }
      }
      if (present.size() != 1) {
        StringBuilder names = new StringBuilder();
        for (String name : rules.exactlyOneOf()) {
          names.append(names.length() == 0 ? "" : ", ").append(name);
        }
        violations.add(names + ": exactly one is required, got " + present.size());
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException("query", violations);
    }
  }

  /** A call that checks its query before it runs. */
  static final class CheckedCall<T> implements Call<T> {
    private final Call<T> delegate;
    private final QueryContract rules;

    CheckedCall(Call<T> delegate, QueryContract rules) {
      this.delegate = delegate;
      this.rules = rules;
    }

    @Override
    public Response<T> execute() throws IOException {
      check(delegate.request().url(), rules);
      return delegate.execute();
    }

    @Override
    public void enqueue(final Callback<T> callback) {
      try {
        check(delegate.request().url(), rules);
      } catch (RuntimeException e) {
        callback.onFailure(this, e);
        return;
      }
      delegate.enqueue(
          new Callback<T>() {
            @Override
            public void onResponse(Call<T> call, Response<T> response) {
              callback.onResponse(CheckedCall.this, response);
            }

            @Override
            public void onFailure(Call<T> call, Throwable t) {
              callback.onFailure(CheckedCall.this, t);
            }
          });
    }

    @Override
    public boolean isExecuted() {
      return delegate.isExecuted();
    }

    @Override
    public void cancel() {
      delegate.cancel();
    }

    @Override
    public boolean isCanceled() {
      return delegate.isCanceled();
    }

    @Override
    public Call<T> clone() {
      return new CheckedCall<>(delegate.clone(), rules);
    }

    @Override
    public Request request() {
      return delegate.request();
    }

    @Override
    public Timeout timeout() {
      return delegate.timeout();
    }
  }
}
