package dev.payscore.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Golden strings for the framing of signed messages. */
class SignedMessageTest {
  static final String BODY = "{\"appid\":\"wxd678efh567hg6787\",\"service_id\":\"500001\"}";

  @Test
  void canonicalMessageMatchesOfficialExampleForGetWithoutBody() {
    byte[] message =
        SignedMessage.whole(SignedMessage.requestHead(
            "GET", "/v3/certificates", 1554208460L, "593BEC0C930BF1AFEB40B4A08C8FB242"), new byte[0]);
    assertEquals(
        "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n",
        new String(message, StandardCharsets.UTF_8));
  }

  @Test
  void canonicalMessageCoversPathQueryAndBodyBytes() {
    byte[] message =
        SignedMessage.whole(SignedMessage.requestHead(
            "POST", "/v3/payscore/payafter-orders/A%7CB*C/complete?x=1", 1554208460L, "n"),
            BODY.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "POST\n/v3/payscore/payafter-orders/A%7CB*C/complete?x=1\n1554208460\nn\n" + BODY + "\n",
        new String(message, StandardCharsets.UTF_8));
  }

  @Test
  void bodyEndingInNewlineStillGetsItsOwnNewline() {
    byte[] message = SignedMessage.whole(SignedMessage.requestHead("POST", "/p", 1L, "n"),
        "{}\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("POST\n/p\n1\nn\n{}\n\n", new String(message, StandardCharsets.UTF_8));
  }

  @Test
  void answerMessageIsTimestampNonceBody() {
    assertEquals("1554208460\nc5ac7061fccab6bf3e254dcf98995b8c\n{}\n", new String(SignedMessage.whole(
        SignedMessage.answerHead("1554208460", "c5ac7061fccab6bf3e254dcf98995b8c"),
        "{}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
  }

  @Test
  void headsAreUtf8() {
    assertEquals("POST\n/v3/%E4%B8%AD\n1\n\u4e2d\n", new String(
        SignedMessage.requestHead("POST", "/v3/%E4%B8%AD", 1L, "\u4e2d"), StandardCharsets.UTF_8));
  }

  @Test
  void headsAreTheUtf8OfTheirLinesForAnyText() {
    dev.payscore.testing.Seeded.forAll("heads == UTF-8 of the lines", 500, random -> {
      String alphabet = "aZ09/%?=\u00e9\u4e2d\ud83d\ude00\ud800\u007f\u0080";
      String a = dev.payscore.testing.Seeded.string(random, alphabet, 0, 12);
      String b = dev.payscore.testing.Seeded.string(random, alphabet, 0, 12);
      long time = random.nextLong();
      assertEquals(java.util.Arrays.toString((a + "\n" + b + "\n").getBytes(StandardCharsets.UTF_8)),
          java.util.Arrays.toString(SignedMessage.answerHead(a, b)));
      assertEquals(java.util.Arrays.toString(("POST\n" + a + "\n" + time + "\n" + b + "\n").getBytes(StandardCharsets.UTF_8)),
          java.util.Arrays.toString(SignedMessage.requestHead("POST", a, time, b)));
    });
  }
}
