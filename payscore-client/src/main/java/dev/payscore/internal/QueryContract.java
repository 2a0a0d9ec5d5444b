package dev.payscore.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query-parameter rules of a generated operation, which Retrofit does not check: the client
 * refuses a call that breaks them before anything is sent. Generated from the contract ({@code
 * required} query parameters and {@code x-payscore-exactly-one-of}). Not part of the API.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryContract {
  /**
   * Returns the query parameters that must be present.
   *
   * @return parameter names
   */
  String[] required() default {};

  /**
   * Returns parameters of which exactly one must be present; empty for no such rule.
   *
   * @return parameter names
   */
  String[] exactlyOneOf() default {};
}
