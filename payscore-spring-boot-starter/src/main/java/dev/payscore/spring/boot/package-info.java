/**
 * Spring Boot auto-configuration of payscore-client: {@link
 * dev.payscore.spring.boot.PayScoreProperties the payscore.* properties}, the client and its API as
 * beans, and a notification endpoint that verifies the raw body, {@link
 * dev.payscore.spring.boot.NotificationDeduplicator deduplicates} and hands each notification to a
 * {@link dev.payscore.spring.boot.PayScoreNotificationHandler}.
 */
@NullMarked
package dev.payscore.spring.boot;

import org.jspecify.annotations.NullMarked;
