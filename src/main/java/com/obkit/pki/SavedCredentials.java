package com.obkit.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@link CredentialFiles#save(Credentials, Path)} wrote the three files the bank's API Test
 * Client hands out (contract section 3: "keep a copy of the generated Certificate, Private Key and
 * Key Id").
 *
 * @param certificate {@code certificate.pem}
 * @param privateKey {@code private-key.pem} (PKCS#8, owner-only permissions)
 * @param keyId {@code key-id.txt}
 */
public record SavedCredentials(Path certificate, Path privateKey, Path keyId) {

  public SavedCredentials {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(keyId, "keyId");
  }
}
