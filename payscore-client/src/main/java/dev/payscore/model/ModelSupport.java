package dev.payscore.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks and helpers that generated models call. Violation messages name the JSON path and the
 * rule, and quote numbers and lengths only: never a string value, which may be personal data. The
 * path is built only when there is a violation (a valid value allocates nothing here).
 */
final class ModelSupport {
  private ModelSupport() {
  }

  static String path(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static <T> @Nullable List<T> copyOf(@Nullable List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static void required(
      String parent, String name, @Nullable Object value, List<String> violations) {
    if (value == null) {
      violations.add(path(parent, name) + ": required");
    }
  }

  /**
   * Refuses a string that holds an unpaired surrogate: UTF-8, the encoding on the wire, cannot carry
   * it (Moshi would write {@code ?} in its place), so the value sent would not be the value given.
   */
  static void wellFormed(
      String parent, String name, @Nullable String value, List<String> violations) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        violations.add(path(parent, name)
            + ": must be well-formed Unicode, unpaired surrogate at index " + i);
        return;
      }
    }
  }

  static void minLength(
      String parent, String name, @Nullable String value, int min, List<String> violations) {
    if (value != null) {
      int length = value.codePointCount(0, value.length());
      if (length < min) {
        violations.add(path(parent, name) + ": at least " + min + " characters, got " + length);
      }
    }
  }

  static void maxLength(
      String parent, String name, @Nullable String value, int max, List<String> violations) {
    if (value != null) {
      int length = value.codePointCount(0, value.length());
      if (length > max) {
        violations.add(path(parent, name) + ": at most " + max + " characters, got " + length);
      }
    }
  }

  static void pattern(
      String parent, String name, @Nullable String value, Pattern pattern, List<String> violations) {
    if (value != null && !pattern.matcher(value).find()) {
      violations.add(path(parent, name) + ": must match " + pattern.pattern());
    }
  }

  static void atLeast(
      String parent, String name, @Nullable Number value, long min, List<String> violations) {
    if (value != null && value.longValue() < min) {
      violations.add(path(parent, name) + ": must be >= " + min + ", got " + value);
    }
  }

  static void greaterThan(
      String parent, String name, @Nullable Number value, long min, List<String> violations) {
    if (value != null && value.longValue() <= min) {
      violations.add(path(parent, name) + ": must be > " + min + ", got " + value);
    }
  }

  static void atMost(
      String parent, String name, @Nullable Number value, long max, List<String> violations) {
    if (value != null && value.longValue() > max) {
      violations.add(path(parent, name) + ": must be <= " + max + ", got " + value);
    }
  }

  static void lessThan(
      String parent, String name, @Nullable Number value, long max, List<String> violations) {
    if (value != null && value.longValue() >= max) {
      violations.add(path(parent, name) + ": must be < " + max + ", got " + value);
    }
  }

  static void minItems(
      String parent, String name, @Nullable List<?> value, int min, List<String> violations) {
    if (value != null && value.size() < min) {
      violations.add(path(parent, name) + ": at least " + min + " items, got " + value.size());
    }
  }

  static void maxItems(
      String parent, String name, @Nullable List<?> value, int max, List<String> violations) {
    if (value != null && value.size() > max) {
      violations.add(path(parent, name) + ": at most " + max + " items, got " + value.size());
    }
  }

  /**
   * Exactly one of {@code names} must be present ({@code values} holds their values, in the same
   * order): the rule {@code x-payscore-exactly-one-of} of a schema.
   */
  static void exactlyOneOf(
      String parent, String[] names, @Nullable Object[] values, List<String> violations) {
    int present = 0;
    for (Object value : values) {
      if (value != null) {
        present++;
      }
    }
    if (present != 1) {
      StringBuilder paths = new StringBuilder();
      for (String name : names) {
        paths.append(paths.length() == 0 ? "" : ", ").append(path(parent, name));
      }
      violations.add(paths + ": exactly one is required, got " + present);
    }
  }

  static void knownEnum(
      String parent, String name, @Nullable Enum<?> value, List<String> violations) {
    if (value != null && "UNKNOWN".equals(value.name())) {
      violations.add(path(parent, name) + ": UNKNOWN is not a value that can be sent");
    }
  }

  /** Builds {@code Name{a=1, b=[…], secret=***}} from the properties that are present. */
  static final class ToString {
    private final StringBuilder out;
    private boolean first = true;

    ToString(String name) {
      out = new StringBuilder(name).append('{');
    }

    ToString add(String name, @Nullable Object value) {
      return value == null ? this : append(name, value);
    }

    /** Adds personal data: whether it is present, never its value. */
    ToString addMasked(String name, @Nullable Object value) {
      return value == null ? this : append(name, "***");
    }

    private ToString append(String name, Object value) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(name).append('=').append(value);
      return this;
    }

    @Override
    public String toString() {
      return out.toString() + '}';
    }
  }
}
