/**
 * The Retrofit interfaces of the pay-after order API, generated from
 * {@code openapi/payscore-payafter.yaml}. Obtain them from {@link dev.payscore.PayScoreClient}.
 */
@NullMarked
package dev.payscore.api;

import org.jspecify.annotations.NullMarked;
