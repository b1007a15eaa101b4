package com.obkit.pki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/**
 * RSA keys shared by the package's tests: generated once per JVM because 2048-bit generation is
 * slow.
 */
final class TestKeys {

  private TestKeys() {}

  static KeyPair ca() {
    return Holder.CA;
  }

  static KeyPair subject() {
    return Holder.SUBJECT;
  }

  static KeyPair other() {
    return Holder.OTHER;
  }

  /** A 1024-bit key (quick to make) that everything must refuse. */
  static KeyPair weak() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(1024);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Holder {
    static final KeyPair CA = KeyPool.generateRsa(2048);
    static final KeyPair SUBJECT = KeyPool.generateRsa(2048);
    static final KeyPair OTHER = KeyPool.generateRsa(2048);
  }
}
