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

  static void minimum(
      String parent, String name, @Nullable Number value, long min, boolean exclusive, List<String> violations) {
    if (value != null) {
      long v = value.longValue();
      if (exclusive ? v <= min : v < min) {
        violations.add(path(parent, name) + ": must be " + (exclusive ? "> " : ">= ") + min + ", got " + v);
      }
    }
  }

  static void maximum(
      String parent, String name, @Nullable Number value, long max, boolean exclusive, List<String> violations) {
    if (value != null) {
      long v = value.longValue();
      if (exclusive ? v >= max : v > max) {
        violations.add(path(parent, name) + ": must be " + (exclusive ? "< " : "<= ") + max + ", got " + v);
      }
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

  /** Builds {@code Name{a=1, b=[…]}} from the properties that are present. */
  static final class ToString {
    private final StringBuilder out;
    private boolean first = true;

    ToString(String name) {
      out = new StringBuilder(name).append('{');
    }

    void add(String name, @Nullable Object value, boolean sensitive) {
      if (value == null) {
        return;
      }
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(name).append('=').append(sensitive ? "***" : value);
    }

    @Override
    public String toString() {
      return out.toString() + '}';
    }
  }
}
