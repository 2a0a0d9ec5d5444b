/**
 * An embedded, in-process stand-in for WeChat Pay, for trying the client and testing merchants' own
 * code without a merchant account. <strong>JVM only</strong>: it opens a server socket and is not
 * part of the Android API surface (it is left out of the Android API 21 check).
 *
 * <p>Start one with {@link dev.payscore.sandbox.PayScoreSandbox#start()}.
 */
@NullMarked
package dev.payscore.sandbox;

import org.jspecify.annotations.NullMarked;
