/**
 * The Retrofit interfaces, generated from the contracts: the pay-after orders and the user service
 * state from {@code openapi/payscore-payafter.yaml}, refunds from {@code openapi/wechatpay-refunds.yaml}.
 * Obtain them from {@link dev.payscore.PayScoreClient}.
 */
@NullMarked
package dev.payscore.api;

import org.jspecify.annotations.NullMarked;
