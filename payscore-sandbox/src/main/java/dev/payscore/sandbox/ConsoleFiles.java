package dev.payscore.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The console's files, shipped as resources under {@code dev/payscore/sandbox/console/}: read once. */
final class ConsoleFiles {
  /** One file and its content type. */
  static final class File {
    final String contentType;
    final byte[] bytes;

    File(String contentType, byte[] bytes) {
      this.contentType = contentType;
      this.bytes = bytes;
    }
  }

  private final Map<String, File> files = new HashMap<>();

  ConsoleFiles() {
    files.put("index.html", load("index.html", "text/html; charset=utf-8"));
    files.put("console.css", load("console.css", "text/css; charset=utf-8"));
    files.put("console.js", load("console.js", "text/javascript; charset=utf-8"));
    files.put("favicon.svg", load("favicon.svg", "image/svg+xml"));
  }

  /** The file of that name, or {@code null} when the console has none. */
  @Nullable File get(String name) {
    return files.get(name);
  }

  private static File load(String name, String contentType) {
    try (InputStream in = ConsoleFiles.class.getResourceAsStream("console/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the console file " + name + " is missing from the sandbox's jar");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
        out.write(buffer, 0, r);
      }
      return new File(contentType, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
