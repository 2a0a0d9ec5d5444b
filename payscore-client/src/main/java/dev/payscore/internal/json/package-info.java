/** Not part of the API: strict reading of JSON request bodies for the JVM tools (CLI, sandbox). */
@NullMarked
package dev.payscore.internal.json;

import org.jspecify.annotations.NullMarked;
