package dev.payscore.bench;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureSpi;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JCA provider whose {@code SHA256withRSA} does no arithmetic: {@code sign} returns the same 256
 * bytes every time, {@code verify} says yes. It exists only in this benchmark module and reaches the
 * client through the public {@code cryptoProvider(Provider)} the way any provider does, so the whole
 * pipeline runs (nonce, message, Base64, headers, verification bookkeeping) with the RSA arithmetic
 * taken out: nothing in the library can be switched to it. It counts its calls, so that the benchmark
 * can check that every call really signed and verified once.
 */
final class NoopCrypto extends Provider {
  private static final long serialVersionUID = 1L;

  static final AtomicLong SIGNS = new AtomicLong();
  static final AtomicLong VERIFIES = new AtomicLong();
  /** The size of an RSA-2048 signature, so that the Authorization header keeps its length. */
  private static final byte[] SIGNATURE = new byte[256];

  NoopCrypto() {
    super("PayScoreBenchNoop", "1.0", "SHA256withRSA without the arithmetic, for overhead benchmarks only");
    putService(new Service(this, "Signature", "SHA256withRSA", NoopSignature.class.getName(), null, null) {
      @Override
      public Object newInstance(Object constructorParameter) {
        return new NoopSignature();
      }
    });
  }

  /** Signs and verifies nothing. */
  static final class NoopSignature extends SignatureSpi {
    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
      // nothing
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
      // nothing
    }

    @Override
    protected void engineUpdate(byte b) {
      // nothing
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {
      // nothing
    }

    @Override
    protected byte[] engineSign() {
      SIGNS.incrementAndGet();
      return SIGNATURE;
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) {
      VERIFIES.incrementAndGet();
      return true;
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new UnsupportedOperationException();
    }
  }
}
