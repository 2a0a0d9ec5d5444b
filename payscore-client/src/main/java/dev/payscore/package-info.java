/**
 * payscore-client: a typed, signed and verified client for the WeChat Pay APIv3 Pay Score
 * pay-after (先享后付) order API, the user service state and refunds. Start with {@link
 * dev.payscore.PayScoreClient}.
 */
@NullMarked
package dev.payscore;

import org.jspecify.annotations.NullMarked;
