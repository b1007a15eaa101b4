/**
 * The kit's one request-signing helper (contract section 2, rules SIG-1 to SIG-7): {@link
 * com.obkit.signing.Digests} for the {@code Digest} header, {@link com.obkit.signing.SigningString}
 * and {@link com.obkit.signing.SignatureHeader} for draft-cavage-10 signatures, {@link
 * com.obkit.signing.HttpSigner} to sign, {@link com.obkit.signing.SigningFilter} / {@link
 * com.obkit.signing.UnsignedCertificateFilter} to apply it to REST Assured requests, and {@link
 * com.obkit.signing.Tampering} for the one-thing-broken requests of negative scenarios.
 */
package com.obkit.signing;
