package dev.payscore.cli;

import dev.payscore.auth.Clock;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.PemKeys;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore notify-parse}: verifies and decrypts a captured notification. */
@Command(
    name = "notify-parse",
    mixinStandardHelpOptions = true,
    description = {
      "Verify and decrypt a captured notification (回调通知) and print its event and resource.",
      "The signature is checked against the WeChat Pay public key; --at checks the timestamp window as",
      "of the capture time instead of now."
    })
final class NotifyParseCommand extends ApiCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--body", paramLabel = "FILE", required = true,
      description = "The raw body as received (at most 1 MiB).")
  String body;

  @Option(names = "--header", paramLabel = "NAME: VALUE",
      description = "A header as received (repeatable), e.g. --header 'Wechatpay-Nonce: …'.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--headers", paramLabel = "FILE", description = "A file of 'Name: value' lines as received.")
  String headersFile;

  @Option(names = "--api-v3-key", paramLabel = "FILE",
      description = "A file holding the 32-byte APIv3 key. Env PAYSCORE_API_V3_KEY (the key's file).")
  String apiV3Key;

  @Option(names = "--at", paramLabel = "EPOCH_SECONDS",
      description = "Check the timestamp window as of this time (default: now).")
  Long at;

  NotifyParseCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  boolean usesClient() {
    return false;
  }

  @Override
  int run() throws IOException {
    for (String sendingOnly : new String[] {"--endpoint", "--mchid", "--serial", "--private-key"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(sendingOnly)) {
        throw new IllegalArgumentException("notify-parse sends nothing: " + sendingOnly + " does not apply");
      }
    }
    if (options.wechatPayPublicKeyId == null || options.wechatPayPublicKey == null || apiV3Key == null) {
      throw new IllegalArgumentException(
          "give --wechatpay-public-key-id, --wechatpay-public-key and --api-v3-key");
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>(headers);
    if (headersFile != null) {
      lines.addAll(Arrays.asList(Input.text("--headers", headersFile).split("\\R")));
    }
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).trim();
        List<String> values = map.containsKey(name) ? map.get(name) : new ArrayList<String>();
        values.add(line.substring(colon + 1).trim());
        map.put(name, values);
      }
    }
    byte[] notificationBody = Input.file("--body", body, Input.BODY_LIMIT, ExitCode.USAGE);
    final long when = at != null ? at : System.currentTimeMillis() / 1000L;
    Clock clock = () -> when;
    ResponseVerifier verifier = ResponseVerifier.builder()
        .publicKey(options.wechatPayPublicKeyId,
            PemKeys.publicKey(Input.text("--wechatpay-public-key", options.wechatPayPublicKey)))
        .clock(clock)
        .build();
    String key = Input.text("--api-v3-key", apiV3Key).trim();
    PayScoreNotification notification = new NotificationParser(verifier, key)
        .parse(HeaderSource.of(map), notificationBody);
    // The parser has checked that the resource is a JSON object.
    Object resource = MOSHI.adapter(Object.class).fromJson(notification.getResourceJson());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", notification.getId());
    out.put("event_type", notification.getEventType());
    out.put("create_time", notification.getCreateTime());
    out.put("summary", notification.getSummary());
    out.put("resource", resource);
    io.out.println(MOSHI.adapter(Object.class).indent("  ").toJson(Collections.unmodifiableMap(out)));
    return ExitCode.OK;
  }
}
