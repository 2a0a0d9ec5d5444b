/**
 * WeChat Pay notifications (回调通知) of Pay Score orders and of refunds: {@link
 * dev.payscore.notify.NotificationParser} verifies, decrypts and types the notifications WeChat Pay
 * posts to the merchant.
 */
@NullMarked
package dev.payscore.notify;

import org.jspecify.annotations.NullMarked;
