package dev.payscore.sandbox;

import dev.payscore.model.CertificateList;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code GET /v3/certificates} as WeChat Pay does, after the same checks as every call
 * ({@code Accept} and {@code User-Agent}, then the signature): in certificate mode the platform
 * certificates, each encrypted with the APIv3 key, the list signed with the oldest of them; in public
 * key mode 404 {@code RESOURCE_NOT_EXISTS}, the error WeChat Pay gives a merchant without platform
 * certificates.
 */
final class CertificateRoutes {
  static final String PATH = "/v3/certificates";

  private final SandboxKeys keys;
  private final RequestAuthenticator authenticator;
  private final Answers answers;

  CertificateRoutes(SandboxKeys keys, RequestAuthenticator authenticator, Answers answers) {
    this.keys = keys;
    this.authenticator = authenticator;
    this.answers = answers;
  }

  /** Whether the request is for this route (any method, any query). */
  static boolean handles(SandboxRequest request) {
    String target = request.target();
    return target.equals(PATH) || target.startsWith(PATH + "?");
  }

  PayafterRoutes.Outcome route(SandboxRequest request) {
    if (!request.method().equals("GET")) {
      return new PayafterRoutes.Outcome(
          answers.error(404, "NOT_FOUND", "请求的资源不存在: " + request.method() + " " + PATH, null), false);
    }
    if (isBlank(request.header("Accept")) || isBlank(request.header("User-Agent"))) {
      return new PayafterRoutes.Outcome(answers.invalidRequest("Http头缺少Accept或User-Agent"), false);
    }
    String signatureProblem = authenticator.problem(request);
    if (signatureProblem != null) {
      return new PayafterRoutes.Outcome(
          answers.error(401, "SIGN_ERROR", "签名错误: " + signatureProblem, null), false);
    }
    String type = algorithmType(request.target());
    if (type == null) {
      return new PayafterRoutes.Outcome(
          answers.paramError("algorithm_type", "must be RSA, SM2 or ALL", "query"), true);
    }
    SandboxCertificates certificates = keys.certificates;
    if (certificates == null) {
      return new PayafterRoutes.Outcome(answers.error(404, "RESOURCE_NOT_EXISTS",
          "无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥", null), true);
    }
    CertificateList list = certificates.list(type, keys.apiV3Key);
    return new PayafterRoutes.Outcome(
        answers.ok(CertificateList.class, list).signedWith(certificates.listSigner()), true);
  }

  /** The {@code algorithm_type} of the query, {@code RSA} when absent; {@code null} when not one of the three. */
  private static @Nullable String algorithmType(String target) {
    int mark = target.indexOf('?');
    String type = "RSA";
    if (mark >= 0) {
      for (String pair : target.substring(mark + 1).split("&")) {
        if (pair.startsWith("algorithm_type=")) {
          type = pair.substring("algorithm_type=".length());
        }
      }
    }
    return type.equals("RSA") || type.equals("SM2") || type.equals("ALL") ? type : null;
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.trim().isEmpty();
  }
}
