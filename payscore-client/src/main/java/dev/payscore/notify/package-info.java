/**
 * WeChat Pay Score notifications (回调通知): {@link dev.payscore.notify.NotificationParser} verifies,
 * decrypts and types the notifications WeChat Pay posts to the merchant.
 */
@NullMarked
package dev.payscore.notify;

import org.jspecify.annotations.NullMarked;
