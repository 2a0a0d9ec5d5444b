package dev.payscore.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that runs on the JVM only (the sandbox, the CLI): the Android API 21 check
 * (animal-sniffer, configured in pom.xml) skips it. Not part of the API.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JvmOnly {
}
