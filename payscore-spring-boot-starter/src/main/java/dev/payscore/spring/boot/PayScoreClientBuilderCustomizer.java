package dev.payscore.spring.boot;

import dev.payscore.PayScoreClient;

/**
 * Adjusts the {@link PayScoreClient.Builder} after the {@code payscore.*} properties were applied
 * and before the client is built: define beans of this type for what the properties do not cover
 * (a JCA provider, a clock, another signature scheme). They run in {@link
 * org.springframework.core.annotation.Order} order.
 *
 * <pre>{@code
 * @Bean
 * PayScoreClientBuilderCustomizer conscrypt() {
 *   return builder -> builder.cryptoProvider(Conscrypt.newProvider());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PayScoreClientBuilderCustomizer {
  /**
   * Adjusts the builder.
   *
   * @param builder the builder, set from the properties
   */
  void customize(PayScoreClient.Builder builder);
}
