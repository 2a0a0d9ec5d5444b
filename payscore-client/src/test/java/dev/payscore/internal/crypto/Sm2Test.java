package dev.payscore.internal.crypto;

import dev.payscore.auth.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.exception.WechatPaySignatureException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The national-cryptography primitives: standard vectors and round trips. */
class Sm2Test {
  @Test
  void sm3MatchesGbT32905() {
    assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
        Hex.toHexString(Sm2.sm3("abc".getBytes(StandardCharsets.US_ASCII))));
    StringBuilder abcd = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      abcd.append("abcd");
    }
    assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
        Hex.toHexString(Sm2.sm3(abcd.toString().getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void sm4BlockCipherUnderTheGcmMatchesGbT32907() {
    byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
    SM4Engine engine = new SM4Engine();
    engine.init(true, new KeyParameter(key));
    byte[] out = new byte[16];
    engine.processBlock(key, 0, out, 0);
    assertEquals("681edf34d206965e86b3e94f536e4246", Hex.toHexString(out));
  }

  @Test
  void sm4GcmRoundTripsUnderTheSm3DerivedKeyAndRejectsTampering() throws Exception {
    byte[] apiV3Key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    byte[] nonce = "fdasflkja484".getBytes(StandardCharsets.UTF_8);
    byte[] aad = "payscore".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = Sm2.sm4Gcm(true, apiV3Key, nonce, aad, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertEquals(7 + 16, sealed.length);
    assertEquals("{\"a\":1}", new String(Sm2.sm4Gcm(false, apiV3Key, nonce, aad, sealed), StandardCharsets.UTF_8));
    sealed[0] ^= 1;
    assertThrows(javax.crypto.AEADBadTagException.class, () -> Sm2.sm4Gcm(false, apiV3Key, nonce, aad, sealed));
  }

  @Test
  void signaturesVerifyWithBouncyCastlesSm2SignerAndTheWechatPayUserId() throws Exception {
    KeyPair pair = Sm2.generateKeyPair();
    byte[] message = "POST\n/v3/x\n1\nn\n{}\n".getBytes(StandardCharsets.UTF_8);
    byte[] signature = Sm2.sign((Sm2Key.Private) pair.getPrivate(), message);
    SM2Signer independent = new SM2Signer();
    independent.init(false, new ParametersWithID(PublicKeyFactory.createKey(pair.getPublic().getEncoded()),
        "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
    independent.update(message, 0, message.length);
    assertTrue(independent.verifySignature(signature));
    assertTrue(Sm2.verify((Sm2Key.Public) pair.getPublic(), signature, message));
    message[0] ^= 1;
    assertFalse(Sm2.verify((Sm2Key.Public) pair.getPublic(), signature, message));
  }

  @Test
  void encryptionIsC1C3C2Asn1AndDecryptsBack() throws Exception {
    KeyPair pair = Sm2.generateKeyPair();
    byte[] sealed = Sm2.encrypt((Sm2Key.Public) pair.getPublic(), "13800138000".getBytes(StandardCharsets.UTF_8));
    org.bouncycastle.asn1.ASN1Sequence sequence = org.bouncycastle.asn1.ASN1Sequence.getInstance(sealed);
    assertEquals(4, sequence.size());
    assertEquals(32, org.bouncycastle.asn1.ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets().length);
    assertEquals(11, org.bouncycastle.asn1.ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets().length);
    assertEquals("13800138000", new String(Sm2.decrypt((Sm2Key.Private) pair.getPrivate(), sealed), StandardCharsets.UTF_8));
    KeyPair other = Sm2.generateKeyPair();
    assertThrows(java.security.GeneralSecurityException.class, () -> Sm2.decrypt((Sm2Key.Private) other.getPrivate(), sealed));
  }

  @Test
  void keysLoadFromPkcs8Sec1AndSpkiPem() throws Exception {
    KeyPair pair = Sm2.generateKeyPair();
    String pkcs8 = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    assertEquals(pair.getPrivate(), PemKeys.privateKey(pkcs8));
    byte[] sec1 = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded())
        .parsePrivateKey().toASN1Primitive().getEncoded();
    java.security.PrivateKey fromSec1 = PemKeys.privateKey(pem("EC PRIVATE KEY", sec1));
    byte[] message = "m".getBytes(StandardCharsets.UTF_8);
    assertTrue(Sm2.verify((Sm2Key.Public) pair.getPublic(), Sm2.sign((Sm2Key.Private) fromSec1, message), message));
    assertEquals(pair.getPublic(), PemKeys.publicKey(pem("PUBLIC KEY", pair.getPublic().getEncoded())));
    assertEquals("SM2 private key", fromSec1.toString());
  }

  @Test
  void signerAndVerifierSpeakWechatpay2Sm2WithSm3() throws Exception {
    KeyPair merchant = Sm2.generateKeyPair();
    RequestSigner signer = new RequestSigner("1900000109", "ABCDEF", merchant.getPrivate(), () -> 1L, () -> "n",
        null, SignatureScheme.SM2);
    String authorization = signer.authorization("POST", "/v3/x", "{}".getBytes(StandardCharsets.UTF_8));
    assertTrue(authorization.startsWith("WECHATPAY2-SM2-WITH-SM3 mchid=\"1900000109\",nonce_str=\"n\",timestamp=\"1\","
        + "serial_no=\"ABCDEF\",signature=\""), authorization);
    String signature = authorization.substring(authorization.indexOf("signature=\"") + 11, authorization.length() - 1);
    assertTrue(Sm2.verify((Sm2Key.Public) merchant.getPublic(), Base64.getDecoder().decode(signature),
        dev.payscore.testing.WechatPayResponses.requestMessage("POST", "/v3/x", 1L, "n", "{}".getBytes(StandardCharsets.UTF_8))));
    assertThrows(IllegalArgumentException.class, () -> new RequestSigner("1900000109", "AB",
        dev.payscore.testing.TestKeys.merchant().getPrivate(), () -> 1L, () -> "n", null, SignatureScheme.SM2));

    KeyPair platform = Sm2.generateKeyPair();
    ResponseVerifier verifier = ResponseVerifier.builder().publicKey("PUB_KEY_ID_1", platform.getPublic())
        .clock(() -> 100L).build();
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] sig = Sm2.sign((Sm2Key.Private) platform.getPrivate(), dev.payscore.testing.WechatPayResponses.message("100", "nn", body));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", Collections.singletonList("100"));
    headers.put("Wechatpay-Nonce", Collections.singletonList("nn"));
    headers.put("Wechatpay-Signature", Collections.singletonList(Base64.getEncoder().encodeToString(sig)));
    headers.put("Wechatpay-Serial", Collections.singletonList("PUB_KEY_ID_1"));
    headers.put("Wechatpay-Signature-Type", Collections.singletonList("WECHATPAY2-SM2-WITH-SM3"));
    verifier.verify(HeaderSource.of(headers), body);
    headers.put("Wechatpay-Signature-Type", Collections.singletonList("WECHATPAY2-SHA256-RSA2048"));
    assertEquals(WechatPaySignatureException.Reason.SIGNATURE_MISMATCH,
        assertThrows(WechatPaySignatureException.class, () -> verifier.verify(HeaderSource.of(headers), body)).getReason());
  }

  @Test
  void gbT32918SignatureExampleVerifies() throws Exception {
    // GB/T 32918.2-2016 Annex A.2: the example curve, ID ALICE123@YAHOO.COM, "message digest".
    BigInteger p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
    BigInteger a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
    BigInteger b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
    BigInteger n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
    org.bouncycastle.math.ec.ECCurve curve = new org.bouncycastle.math.ec.ECCurve.Fp(p, a, b, n, BigInteger.ONE);
    org.bouncycastle.math.ec.ECPoint g = curve.createPoint(
        new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
        new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
    org.bouncycastle.crypto.params.ECDomainParameters domain =
        new org.bouncycastle.crypto.params.ECDomainParameters(curve, g, n);
    BigInteger d = new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16);
    org.bouncycastle.math.ec.ECPoint q = g.multiply(d).normalize();
    BigInteger r = new BigInteger("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1", 16);
    BigInteger s = new BigInteger("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7", 16);
    SM2Signer verifier = new SM2Signer();
    verifier.init(false, new ParametersWithID(new org.bouncycastle.crypto.params.ECPublicKeyParameters(q, domain),
        "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII)));
    byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);
    verifier.update(message, 0, message.length);
    org.bouncycastle.asn1.ASN1EncodableVector rs = new org.bouncycastle.asn1.ASN1EncodableVector();
    rs.add(new org.bouncycastle.asn1.ASN1Integer(r));
    rs.add(new org.bouncycastle.asn1.ASN1Integer(s));
    assertTrue(verifier.verifySignature(new org.bouncycastle.asn1.DERSequence(rs).getEncoded()));
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  @Test
  void sm2CertificatesGiveTheirSerialAndKeyAndVerifyAnswers() throws Exception {
    KeyPair platform = Sm2.generateKeyPair();
    org.bouncycastle.jce.provider.BouncyCastleProvider bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    java.security.PrivateKey signingKey = java.security.KeyFactory.getInstance("EC", bc)
        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(platform.getPrivate().getEncoded()));
    org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Tenpay SM2 test");
    long now = System.currentTimeMillis();
    byte[] der = new org.bouncycastle.cert.X509v3CertificateBuilder(name, new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", 16),
        new java.util.Date(now - 1000), new java.util.Date(now + 86_400_000L), name,
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(platform.getPublic().getEncoded()))
        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SM3WITHSM2").setProvider(bc).build(signingKey))
        .getEncoded();
    Map.Entry<String, java.security.PublicKey> certificate = PemKeys.sm2Certificate(pem("CERTIFICATE", der));
    assertEquals("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", certificate.getKey());
    assertEquals(platform.getPublic(), certificate.getValue());
    assertThrows(IllegalArgumentException.class, () -> PemKeys.sm2Certificate(
        pem("CERTIFICATE", dev.payscore.testing.TestKeys.certificate(dev.payscore.testing.TestKeys.wechatPay(), BigInteger.TEN).getEncoded())));

    ResponseVerifier verifier = ResponseVerifier.builder().sm2Certificate(pem("CERTIFICATE", der)).clock(() -> 5L).build();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] sig = Sm2.sign((Sm2Key.Private) platform.getPrivate(), dev.payscore.testing.WechatPayResponses.message("5", "n", body));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", Collections.singletonList("5"));
    headers.put("Wechatpay-Nonce", Collections.singletonList("n"));
    headers.put("Wechatpay-Signature", Collections.singletonList(Base64.getEncoder().encodeToString(sig)));
    headers.put("Wechatpay-Serial", Collections.singletonList("5157F09EFDC096DE15EBE81A47057A7232F1B8E1"));
    headers.put("Wechatpay-Signature-Type", Collections.singletonList("WECHATPAY2-SM2-WITH-SM3"));
    verifier.verify(HeaderSource.of(headers), body);
    org.junit.jupiter.api.Assertions.assertNull(java.security.Security.getProvider("BC"),
        "Bouncy Castle is never registered globally");
  }
}
