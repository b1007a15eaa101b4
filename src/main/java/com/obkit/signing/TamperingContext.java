package com.obkit.signing;

import com.obkit.pki.Credentials;
import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link Tampering} needs to build a request's headers: the configured signing set-up plus
 * an alternative private key for {@link Tampering#SIGNED_BY_OTHER_KEY}.
 *
 * @param signing the signing certificate and key
 * @param profile the configured signing profile (the default path)
 * @param sslCertificate the sandbox's {@code SSL-Certificate} (SIG-7); empty in production
 * @param otherKey an RSA private key that does not belong to {@code signing}'s certificate; only
 *     asked for by {@link Tampering#SIGNED_BY_OTHER_KEY}, so it may generate lazily
 */
public record TamperingContext(
    Credentials signing,
    SigningProfile profile,
    Optional<Credentials> sslCertificate,
    Supplier<PrivateKey> otherKey) {

  public TamperingContext {
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(sslCertificate, "sslCertificate");
    Objects.requireNonNull(otherKey, "otherKey");
  }

  @Override
  public String toString() {
    return "TamperingContext[signing="
        + signing
        + ", profile="
        + profile
        + ", sslCertificate="
        + sslCertificate
        + "]";
  }
}
