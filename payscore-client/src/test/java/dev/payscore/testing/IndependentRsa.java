package dev.payscore.testing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * SHA256withRSA (PKCS#1 v1.5) through Bouncy Castle's lightweight API: an implementation
 * independent of the JDK's {@code Signature}, which the library uses.
 */
public final class IndependentRsa {
  private IndependentRsa() {}

  public static String sign(PrivateKey key, byte[] message) {
    try {
      AsymmetricKeyParameter parameter = PrivateKeyFactory.createKey(key.getEncoded());
      RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
      signer.init(true, parameter);
      signer.update(message, 0, message.length);
      return Base64.getEncoder().encodeToString(signer.generateSignature());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static boolean verify(PublicKey key, byte[] message, String base64Signature) {
    try {
      AsymmetricKeyParameter parameter = PublicKeyFactory.createKey(key.getEncoded());
      RSADigestSigner verifier = new RSADigestSigner(new SHA256Digest());
      verifier.init(false, parameter);
      verifier.update(message, 0, message.length);
      return verifier.verifySignature(Base64.getDecoder().decode(base64Signature));
    } catch (IllegalArgumentException e) {
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
