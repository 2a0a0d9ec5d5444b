/**
 * The request and response models of the pay-after order API, generated from
 * {@code openapi/payscore-payafter.yaml}.
 *
 * <p>Every model is immutable and built by its {@code Builder}; {@code build()} checks every
 * constraint of the contract and throws {@link dev.payscore.model.ValidationException} listing the
 * violations. Enums carry an {@code UNKNOWN} constant for values a newer server sends.
 */
@NullMarked
package dev.payscore.model;

import org.jspecify.annotations.NullMarked;
