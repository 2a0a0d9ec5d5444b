package dev.payscore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} sent with every request (WeChat Pay requires one):
 * {@code payscore-client/0.1.0 (Linux/6.1; amd64) Java/17.0.15 OkHttp/4.12.0}.
 */
final class UserAgent {
  static final String VALUE =
      "payscore-client/"
          + version()
          + " ("
          + System.getProperty("os.name", "unknown")
          + '/'
          + System.getProperty("os.version", "unknown")
          + "; "
          + System.getProperty("os.arch", "unknown")
          + ") Java/"
          + System.getProperty("java.version", "unknown")
          + " OkHttp/"
          + okhttp3.OkHttp.VERSION;

  private UserAgent() {
  }

  private static String version() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException ignored) {
      // fall through
    }
    return "unknown";
  }
}
