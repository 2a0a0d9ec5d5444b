package dev.payscore.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyPairsTest {
  @Test
  void prefetchedRsaPairsAreFreshWorkingAndHandedOutOnce() {
    KeyPairs.prefetchRsa(2);
    Set<java.math.BigInteger> moduli = new HashSet<>();
    byte[] message = "POST\n/v3/x\n1\nn\n{}\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 3; i++) { // two prefetched, one made on the spot
      KeyPair pair = KeyPairs.generate(false);
      RSAPublicKey key = (RSAPublicKey) pair.getPublic();
      assertEquals(2048, key.getModulus().bitLength());
      assertTrue(moduli.add(key.getModulus()), "pair " + i + " was handed out before");
      byte[] signature = Signatures.signer(pair.getPrivate(), null).sign(message);
      assertTrue(Signatures.verifier(pair.getPublic(), null).verify(signature, message), "pair " + i + " signs");
    }
  }

  @Test
  void generatesSm2PairsToo() {
    KeyPair pair = KeyPairs.generate(true);
    assertTrue(Signatures.isSm2(pair.getPublic()) && Signatures.isSm2(pair.getPrivate()));
  }
}
