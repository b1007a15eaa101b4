package com.obkit.signing;

import com.obkit.pki.Credentials;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * For the registration call when configured unsigned, as the bank's page shows it (contract section
 * 5, REG-1): sets {@code TPP-Signature-Certificate} and, in the sandbox, {@code SSL-Certificate}
 * (SIG-7), no Digest or Signature. Honours the tamperings that make sense without a signature
 * ({@link Tampering#appliesToUnsignedRequests()}). Immutable.
 */
public final class UnsignedCertificateFilter implements Filter {

  private final Credentials signatureCertificate;
  private final Optional<Credentials> sslCertificate;
  private final Tampering tampering;

  /**
   * @throws IllegalArgumentException if {@code tampering} needs a signature
   */
  public UnsignedCertificateFilter(
      Credentials signatureCertificate, Optional<Credentials> sslCertificate, Tampering tampering) {
    this.signatureCertificate =
        Objects.requireNonNull(signatureCertificate, "signatureCertificate");
    this.sslCertificate = Objects.requireNonNull(sslCertificate, "sslCertificate");
    this.tampering = Objects.requireNonNull(tampering, "tampering");
    if (!tampering.appliesToUnsignedRequests()) {
      throw new IllegalArgumentException(
          "tampering " + tampering + " (" + tampering.description() + ") needs a signed request");
    }
  }

  /**
   * No tampering; {@code sendSslCertificate}: the same certificate also as {@code SSL-Certificate}.
   */
  public static UnsignedCertificateFilter of(Credentials certificate, boolean sendSslCertificate) {
    return new UnsignedCertificateFilter(
        certificate,
        sendSslCertificate ? Optional.of(certificate) : Optional.empty(),
        Tampering.NONE);
  }

  /** The same filter breaking {@code otherTampering}'s one thing. */
  public UnsignedCertificateFilter withTampering(Tampering otherTampering) {
    return new UnsignedCertificateFilter(signatureCertificate, sslCertificate, otherTampering);
  }

  /** The tampering this filter applies. */
  public Tampering tampering() {
    return tampering;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext ctx) {
    Map<String, String> headers =
        tampering.unsignedRequestHeaders(signatureCertificate, sslCertificate);
    for (String name :
        new String[] {SignedHeaders.TPP_SIGNATURE_CERTIFICATE, SignedHeaders.SSL_CERTIFICATE}) {
      if (request.getHeaders().hasHeaderWithName(name)) {
        request.removeHeader(name);
      }
    }
    headers.forEach(request::header);
    return ctx.next(request, response);
  }

  @Override
  public String toString() {
    return "UnsignedCertificateFilter["
        + signatureCertificate
        + ", ssl="
        + sslCertificate.isPresent()
        + ", tampering="
        + tampering
        + "]";
  }
}
