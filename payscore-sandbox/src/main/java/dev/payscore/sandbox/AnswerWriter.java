package dev.payscore.sandbox;

import dev.payscore.auth.Clock;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.internal.crypto.SignedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes answers as WeChat Pay does, signed with the platform key in force ({@code
 * Wechatpay-Timestamp}, {@code -Nonce}, {@code -Signature}, {@code -Serial}, {@code
 * -Signature-Type}), and spoils them as a {@link Fault} says: replaced, delayed, dropped, signed
 * wrongly, or cut.
 */
final class AnswerWriter {
  private static final int HUGE = 10 * 1024 * 1024;

  private final PlatformKey.Source keys;
  private final SignatureScheme scheme;
  private final Clock clock;
  private final Ids ids;
  private final Answers answers;

  AnswerWriter(PlatformKey.Source keys, SignatureScheme scheme, Clock clock, Ids ids, Answers answers) {
    this.keys = keys;
    this.scheme = scheme;
    this.clock = clock;
    this.ids = ids;
    this.answers = answers;
  }

  /** Whether the fault answers in place of the sandbox, so that the request is not processed. */
  static boolean replacesTheAnswer(@Nullable Fault fault) {
    if (fault == null) {
      return false;
    }
    switch (fault.kind) {
      case DROP_CONNECTION:
      case SYSTEM_ERROR:
      case TOO_MANY_REQUESTS:
      case BAD_GATEWAY_HTML:
        return true;
      default:
        return false;
    }
  }

  /**
   * The answer a request gets: {@code answer} itself, or, for a fault that {@linkplain #replacesTheAnswer
   * replaces the answer}, the fault's own; {@code null} when the connection is dropped without one.
   */
  @Nullable Answer resolve(@Nullable Answer answer, @Nullable Fault fault) {
    Fault.Kind kind = fault == null ? null : fault.kind;
    if (kind == Fault.Kind.DROP_CONNECTION) {
      return null;
    } else if (kind == Fault.Kind.SYSTEM_ERROR) {
      return answers.error(500, "SYSTEM_ERROR", "系统繁忙,请稍后重试", null);
    } else if (kind == Fault.Kind.TOO_MANY_REQUESTS) {
      return answers.error(429, "FREQUENCY_LIMITED", "频率超限,请降低请求接口频率", null);
    } else if (kind == Fault.Kind.BAD_GATEWAY_HTML) {
      return answers.answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", false);
    }
    return answer;
  }

  /**
   * Answers a request with {@code answer} (as {@link #resolve} gave it) spoiled by {@code fault}; drops
   * the connection when {@code answer} is {@code null}.
   */
  void write(LoopbackHttpServer.Exchange exchange, @Nullable Answer answer, @Nullable Fault fault)
      throws IOException {
    Fault.Kind kind = fault == null ? null : fault.kind;
    if (answer == null) {
      exchange.drop();
      return;
    }
    if (kind == Fault.Kind.DELAY) {
      try {
        Thread.sleep(fault.millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.drop();
        return;
      }
    }
    byte[] body = spoilBody(answer.body, kind);
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Content-Type", answer.contentType});
    headers.add(new String[] {"Request-ID", answer.requestId});
    if (answer.signed && kind != Fault.Kind.UNSIGNED) {
      sign(headers, body, kind, answer.signedWith != null ? answer.signedWith : keys.current());
    }
    headers.add(new String[] {"Content-Length", Integer.toString(body.length)});
    if (kind == Fault.Kind.LOWER_CASE_HEADERS) {
      for (String[] header : headers) {
        header[0] = header[0].toLowerCase(Locale.ROOT);
      }
    }
    exchange.respond(answer.status, headers, body, kind == Fault.Kind.RESET_MID_BODY ? body.length / 2 : -1);
  }

  private static byte[] spoilBody(byte[] body, Fault.@Nullable Kind kind) {
    if (kind == Fault.Kind.TRUNCATED_BODY) {
      return Arrays.copyOf(body, body.length / 2);
    } else if (kind == Fault.Kind.EMPTY_BODY) {
      return new byte[0];
    } else if (kind == Fault.Kind.WRONG_SHAPE) {
      return "[]".getBytes(StandardCharsets.UTF_8);
    } else if (kind == Fault.Kind.HUGE_BODY) {
      StringBuilder huge = new StringBuilder(HUGE + 16).append("{\"appid\":\"");
      while (huge.length() < HUGE) {
        huge.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
      }
      return huge.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
    return body;
  }

  /** Adds the {@code Wechatpay-*} headers, spoiled as {@code kind} says. */
  private void sign(List<String[]> headers, byte[] body, Fault.@Nullable Kind kind, PlatformKey key) {
    long timestamp = clock.epochSeconds();
    if (kind == Fault.Kind.STALE_TIMESTAMP) {
      timestamp -= 600;
    } else if (kind == Fault.Kind.FUTURE_TIMESTAMP) {
      timestamp += 600;
    }
    String nonce = ids.nonce();
    byte[] signature = key.signer.sign(SignedMessage.answerHead(Long.toString(timestamp), nonce), body,
        SignedMessage.END);
    String encoded = Base64.getEncoder().encodeToString(signature);
    if (kind == Fault.Kind.WRONG_SIGNATURE) {
      signature[signature.length / 2] ^= 0x55;
      encoded = Base64.getEncoder().encodeToString(signature);
    } else if (kind == Fault.Kind.PROBE_SIGNATURE) {
      encoded = ResponseVerifier.PROBE_PREFIX + encoded;
    }
    headers.add(new String[] {"Wechatpay-Nonce", nonce});
    headers.add(new String[] {"Wechatpay-Signature", encoded});
    if (kind == Fault.Kind.DUPLICATE_HEADERS) {
      signature[0] ^= 0x55;
      headers.add(new String[] {"Wechatpay-Signature", Base64.getEncoder().encodeToString(signature)});
    }
    headers.add(new String[] {"Wechatpay-Timestamp", Long.toString(timestamp)});
    headers.add(new String[] {"Wechatpay-Serial",
        kind == Fault.Kind.UNKNOWN_SERIAL ? "PUB_KEY_ID_0000000000000000000000000000000000" : key.id});
    headers.add(new String[] {"Wechatpay-Signature-Type", scheme.authorizationScheme()});
  }
}

