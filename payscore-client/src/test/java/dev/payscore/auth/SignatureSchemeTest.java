package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Collections;
import java.util.List;
import okio.ByteString;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** Which keys fit which scheme, whoever made them. */
class SignatureSchemeTest {
  /** Bouncy Castle's JCA provider as an instance: never registered globally. */
  static final BouncyCastleProvider BC = new BouncyCastleProvider();

  static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  /** A key as Tencent Kona presents one: algorithm "SM2", the standard encoding. */
  static class KonaStyleKey implements java.security.Key {
    private static final long serialVersionUID = 1L;
    private final java.security.Key key;

    KonaStyleKey(java.security.Key key) {
      this.key = key;
    }

    @Override
    public String getAlgorithm() {
      return "SM2";
    }

    @Override
    public String getFormat() {
      return key.getFormat();
    }

    @Override
    public byte[] getEncoded() {
      return key.getEncoded();
    }
  }

  static final class KonaPrivateKey extends KonaStyleKey implements PrivateKey {
    private static final long serialVersionUID = 1L;

    KonaPrivateKey(PrivateKey key) {
      super(key);
    }
  }

  static final class KonaPublicKey extends KonaStyleKey implements PublicKey {
    private static final long serialVersionUID = 1L;

    KonaPublicKey(PublicKey key) {
      super(key);
    }
  }

  @Test
  void sm2KeysOfOtherProvidersFitSm2AndSignAndVerify() throws Exception {
    KeyPair bc = ec("sm2p256v1");
    assertEquals("EC", bc.getPrivate().getAlgorithm());
    List<PrivateKey> privates = java.util.Arrays.asList(bc.getPrivate(), new KonaPrivateKey(bc.getPrivate()));
    List<PublicKey> publics = java.util.Arrays.asList(bc.getPublic(), new KonaPublicKey(bc.getPublic()));
    for (PrivateKey privateKey : privates) {
      assertTrue(SignatureScheme.SM2.fits(privateKey), privateKey.getAlgorithm());
      assertFalse(SignatureScheme.RSA.fits(privateKey), privateKey.getAlgorithm());
      RequestSigner signer = new RequestSigner("1900000109", "AB", privateKey, () -> 100L, () -> "n", null,
          SignatureScheme.SM2);
      String signature = dev.payscore.testing.WechatPayResponses.authorization(
          signer.authorization("GET", "/v3/x", new byte[0])).get("signature");
      for (PublicKey publicKey : publics) {
        ResponseVerifier verifier = ResponseVerifier.builder().publicKey("PUB_KEY_ID_1", publicKey)
            .clock(() -> 100L).build();
        // The merchant's signature is a request's; check it the way the sandbox does, by the framing.
        assertTrue(dev.payscore.internal.crypto.Signatures.verifier(publicKey, null).verify(
            ByteString.decodeBase64(signature).toByteArray(),
            "GET\n/v3/x\n100\nn\n\n".getBytes(StandardCharsets.UTF_8)), publicKey.getAlgorithm());
        assertEquals(Collections.singleton("PUB_KEY_ID_1"), verifier.keys().ids());
      }
    }
  }

  @Test
  void keysThatAreNeitherRsaNorSm2AreRefusedSayingWhatCame() throws Exception {
    KeyPair p256 = ec("secp256r1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RequestSigner(
        "1900000109", "AB", p256.getPrivate(), () -> 1L, () -> "n", null, SignatureScheme.SM2));
    assertTrue(e.getMessage().contains("expected an SM2 key for WECHATPAY2-SM2-WITH-SM3, got a EC key (PKCS#8)"
        + " that is neither RSA nor SM2"), e.getMessage());
    IllegalArgumentException rsa = assertThrows(IllegalArgumentException.class, () -> new RequestSigner(
        "1900000109", "AB", TestKeys.merchant().getPrivate(), () -> 1L, () -> "n", null, SignatureScheme.SM2));
    assertTrue(rsa.getMessage().contains("expected an SM2 key for WECHATPAY2-SM2-WITH-SM3, got an RSA key"),
        rsa.getMessage());
    IllegalArgumentException publicKey = assertThrows(IllegalArgumentException.class,
        () -> ResponseVerifier.builder().publicKey("PUB_KEY_ID_1", ec("secp256k1").getPublic()));
    assertTrue(publicKey.getMessage().contains("expected an RSA or SM2 public key, got a EC key (X.509)"),
        publicKey.getMessage());
  }

  @Test
  void aSec1KeyOnAnotherCurveIsNotAnSm2Key() throws Exception {
    for (String curve : new String[] {"secp256r1", "secp256k1"}) {
      KeyPair pair = ec(curve);
      org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
          org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey());
      org.bouncycastle.asn1.ASN1ObjectIdentifier oid = org.bouncycastle.asn1.x9.ECNamedCurveTable.getOID(curve);
      byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), null, oid).getEncoded();
      assertNull(dev.payscore.internal.crypto.Sm2.privateKeyFromDer(sec1, true), curve);
      assertThrows(IllegalArgumentException.class,
          () -> PemKeys.privateKey(TestKeys.pem("EC PRIVATE KEY", sec1)), curve);
    }
  }

  @Test
  void signatureTypeNamesTheScheme() {
    assertEquals(SignatureScheme.RSA, SignatureScheme.forSignatureType(null));
    assertEquals(SignatureScheme.RSA, SignatureScheme.forSignatureType("WECHATPAY2-SHA256-RSA2048"));
    assertEquals(SignatureScheme.SM2, SignatureScheme.forSignatureType("WECHATPAY2-SM2-WITH-SM3"));
    assertNull(SignatureScheme.forSignatureType("HMAC"));
  }
}
