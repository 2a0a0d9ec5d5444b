package dev.payscore.exception;

/**
 * Makes text from outside (an unverified answer, a header) safe for a message, a log line or a
 * terminal: control characters (C0, DEL, C1), line and paragraph separators and bidirectional
 * overrides are escaped as {@code \\uXXXX}, so no CR/LF, ANSI or OSC sequence passes; the result is
 * cut at a limit, marked with {@code …}.
 */
final class Printable {
  /** The longest message text kept from outside, in characters. */
  static final int MAX = 512;

  private Printable() {
  }

  static String of(String text) {
    int length = Math.min(text.length(), MAX);
    StringBuilder out = null;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        if (out == null) {
          out = new StringBuilder(length + 16).append(text, 0, i);
        }
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    String shown = out != null ? out.toString() : length == text.length() ? text : text.substring(0, length);
    return text.length() > MAX ? shown + "…" : shown;
  }

  private static boolean isUnsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c';
  }
}
