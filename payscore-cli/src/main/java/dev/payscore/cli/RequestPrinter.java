package dev.payscore.cli;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;

/** For --verbose: prints the signed request's headers, the Authorization value redacted. */
final class RequestPrinter implements Interceptor {
  private final PayScoreCli.Io io;

  RequestPrinter(PayScoreCli.Io io) {
    this.io = io;
  }

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String query = request.url().encodedQuery();
    io.err.println("payscore: > " + request.method() + " " + request.url().encodedPath()
        + (query == null ? "" : "?" + query));
    for (String name : request.headers().names()) {
      String value = request.header(name);
      if (name.equalsIgnoreCase("Authorization")) {
        int space = value.indexOf(' ');
        value = (space > 0 ? value.substring(0, space) : "") + " [redacted]";
      }
      io.err.println("payscore: > " + name + ": " + value);
    }
    okhttp3.Response response = chain.proceed(request);
    io.err.println("payscore: < HTTP " + response.code() + ", Request-ID: " + response.header("Request-ID"));
    return response;
  }
}
