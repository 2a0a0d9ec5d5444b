/** Not part of the API: support for the build and the JVM-only tools. */
@NullMarked
package dev.payscore.internal;

import org.jspecify.annotations.NullMarked;
