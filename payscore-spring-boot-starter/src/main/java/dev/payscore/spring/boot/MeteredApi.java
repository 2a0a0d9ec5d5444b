package dev.payscore.spring.boot;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import okhttp3.Request;
import okio.Timeout;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * A Retrofit API whose calls are timed: each {@link Call} it returns records, when it ends, its
 * operation (the method's name), outcome and code in {@link PayScoreMetrics}.
 */
final class MeteredApi implements InvocationHandler {
  private final Object target;
  private final PayScoreMetrics metrics;

  private MeteredApi(Object target, PayScoreMetrics metrics) {
    this.target = target;
    this.metrics = metrics;
  }

  /** Returns {@code target} with its calls timed. */
  static <T> T of(Class<T> api, T target, PayScoreMetrics metrics) {
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
        new MeteredApi(target, metrics)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "Metered(" + target + ")";
      };
    }
    long start = System.nanoTime();
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable failure = e.getCause();
      metrics.call(method.getName(), CallOutcome.of(failure), CallOutcome.code(failure), System.nanoTime() - start);
      throw failure;
    }
    return result instanceof Call<?> call ? new MeteredCall<>(call, method.getName(), metrics) : result;
  }

  /** A call that records how it ended, however it is run. */
  static final class MeteredCall<T> implements Call<T> {
    private final Call<T> delegate;
    private final String operation;
    private final PayScoreMetrics metrics;

    MeteredCall(Call<T> delegate, String operation, PayScoreMetrics metrics) {
      this.delegate = delegate;
      this.operation = operation;
      this.metrics = metrics;
    }

    @Override
    public Response<T> execute() throws IOException {
      long start = System.nanoTime();
      Response<T> response;
      try {
        response = delegate.execute();
      } catch (IOException | RuntimeException | Error e) {
        failed(e, start);
        throw e;
      }
      succeeded(response, start);
      return response;
    }

    @Override
    public void enqueue(Callback<T> callback) {
      long start = System.nanoTime();
      delegate.enqueue(new Callback<T>() {
        @Override
        public void onResponse(Call<T> call, Response<T> response) {
          succeeded(response, start);
          callback.onResponse(MeteredCall.this, response);
        }

        @Override
        public void onFailure(Call<T> call, Throwable failure) {
          failed(failure, start);
          callback.onFailure(MeteredCall.this, failure);
        }
      });
    }

    private void succeeded(Response<T> response, long start) {
      // The client turns every answer but a verified 2xx into an exception; count anything else all the same.
      boolean success = response.isSuccessful();
      metrics.call(operation, success ? CallOutcome.SUCCESS : CallOutcome.API_ERROR,
          success ? CallOutcome.NO_CODE : "HTTP_" + response.code(), System.nanoTime() - start);
    }

    private void failed(Throwable failure, long start) {
      metrics.call(operation, CallOutcome.of(failure), CallOutcome.code(failure), System.nanoTime() - start);
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
      return new MeteredCall<>(delegate.clone(), operation, metrics);
    }

    @Override
    public Request request() {
      return delegate.request();
    }

    @Override
    public Timeout timeout() {
      return delegate.timeout();
    }

    @Override
    public String toString() {
      return "Metered(" + delegate + ")";
    }
  }
}
