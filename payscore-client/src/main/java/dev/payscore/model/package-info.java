/**
 * The request and response models, generated from {@code openapi/payscore-payafter.yaml} (pay-after
 * orders, user service state, the error body) and {@code openapi/wechatpay-refunds.yaml} (refunds and
 * the refund notification resource).
 *
 * <p>Every model is immutable and built by its {@code Builder}; {@code build()} checks every
 * constraint of the contract and throws {@link dev.payscore.model.ValidationException} listing the
 * violations. Enums carry an {@code UNKNOWN} constant for values a newer server sends.
 */
@NullMarked
package dev.payscore.model;

import org.jspecify.annotations.NullMarked;
