package dev.payscore.cli;

import com.squareup.moshi.Moshi;
import dev.payscore.sandbox.PayScoreSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code payscore sandbox} prints once it listens: for people (text) or for tools ({@code --json},
 * one JSON object on one line). Both carry the same facts.
 */
final class SandboxStartup {
  private final Map<String, @Nullable Object> facts = new LinkedHashMap<>();
  private final List<Map<String, Object>> orders = new ArrayList<>();

  /**
   * @param publicKey the WeChat Pay public key file, or {@code null} in certificate mode
   * @param certificates in certificate mode each platform certificate's serial and file; else empty
   */
  SandboxStartup(PayScoreSandbox sandbox, @Nullable Path privateKey, @Nullable Path publicKey,
      Map<String, Path> certificates, Path apiV3KeyFile, List<String[]> seeds, List<String> tickets) {
    facts.put("url", sandbox.url());
    facts.put("mchid", sandbox.merchantId());
    facts.put("merchant_serial", sandbox.merchantSerialNumber());
    facts.put("merchant_private_key_file", privateKey == null ? null : privateKey.toString());
    facts.put("wechatpay_public_key_id", publicKey == null ? null : sandbox.wechatPayPublicKeyId());
    facts.put("wechatpay_public_key_file", publicKey == null ? null : publicKey.toString());
    if (publicKey == null) {
      List<Map<String, Object>> listed = new ArrayList<>();
      for (Map.Entry<String, Path> certificate : certificates.entrySet()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("serial", certificate.getKey());
        entry.put("file", certificate.getValue().toString());
        listed.add(entry);
      }
      facts.put("platform_certificates", listed);
    }
    facts.put("api_v3_key", sandbox.apiV3Key());
    facts.put("api_v3_key_file", apiV3KeyFile.toString());
    facts.put("notify_url", sandbox.notifyUrl());
    facts.put("console_url", sandbox.consoleUrl());
    facts.put("control_api", sandbox.url() + "_sandbox/api/");
    facts.put("control_token", sandbox.controlToken());
    for (int i = 0; i < seeds.size(); i++) {
      Map<String, Object> order = new LinkedHashMap<>();
      order.put("out_order_no", seeds.get(i)[0]);
      order.put("appid", seeds.get(i)[1]);
      order.put("service_id", seeds.get(i)[2]);
      order.put("finish_ticket", tickets.get(i));
      orders.add(order);
    }
    facts.put("orders", orders);
  }

  /** One JSON object, on one line. */
  String json() {
    return new Moshi.Builder().build().adapter(Object.class).serializeNulls().toJson(facts);
  }

  /** Aligned lines for a terminal. */
  String text() {
    StringBuilder out = new StringBuilder("PayScore sandbox listening on ").append(facts.get("url")).append('\n');
    line(out, "merchant id (--mchid):", facts.get("mchid"));
    line(out, "merchant serial (--serial):", facts.get("merchant_serial"));
    if (facts.get("merchant_private_key_file") != null) {
      line(out, "merchant private key (--private-key):", facts.get("merchant_private_key_file") + "  (throwaway, generated)");
    }
    if (facts.get("wechatpay_public_key_id") != null) {
      line(out, "WeChat Pay public key id:", facts.get("wechatpay_public_key_id"));
      line(out, "WeChat Pay public key:", facts.get("wechatpay_public_key_file"));
    } else {
      for (Object certificate : (List<?>) facts.get("platform_certificates")) {
        line(out, "platform certificate serial:", ((Map<?, ?>) certificate).get("serial"));
        line(out, "platform certificate:", ((Map<?, ?>) certificate).get("file"));
      }
    }
    line(out, "APIv3 key:", facts.get("api_v3_key") + "  (" + facts.get("api_v3_key_file") + ")");
    line(out, "notify URL (--notify-url):", facts.get("notify_url") == null ? "none" : facts.get("notify_url"));
    line(out, "console:", facts.get("console_url"));
    line(out, "control API (X-Sandbox-Token):", facts.get("control_api") + "  token " + facts.get("control_token"));
    for (Map<String, Object> order : orders) {
      line(out, "order (USER_ACCEPTED):", order.get("out_order_no") + "  appid " + order.get("appid") + "  service_id "
          + order.get("service_id") + "  finish_ticket " + order.get("finish_ticket"));
    }
    return out.append("Stop with Ctrl-C.").toString();
  }

  private static void line(StringBuilder out, String label, @Nullable Object value) {
    out.append("  ").append(label);
    for (int i = label.length(); i < 39; i++) {
      out.append(' ');
    }
    out.append(value).append('\n');
  }
}
