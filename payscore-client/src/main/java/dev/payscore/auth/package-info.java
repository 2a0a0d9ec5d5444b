/**
 * The pure WeChat Pay APIv3 crypto of payscore-client, with no HTTP types: {@link
 * dev.payscore.auth.RequestSigner} builds the {@code WECHATPAY2-SHA256-RSA2048} Authorization value
 * over the exact bytes sent, {@link dev.payscore.auth.ResponseVerifier} verifies the {@code
 * Wechatpay-Signature} of a response or notification over the exact bytes received, and {@link
 * dev.payscore.auth.PemKeys} loads the keys. {@code dev.payscore.PayScoreClient} wires them into
 * OkHttp; use them directly to sign or verify with another HTTP stack.
 */
@NullMarked
package dev.payscore.auth;

import org.jspecify.annotations.NullMarked;
