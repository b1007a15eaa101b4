package com.obkit.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only request signer on JDK {@link Signature} (independent of the kit's signing package): the
 * headers a TPP sends (contract section 2), with knobs to break each rule.
 */
final class TestSigner {

  private final X509Certificate certificate;
  private final PrivateKey key;
  private String algorithm = "SHA256withRSA";
  private List<String> headers = List.of("digest", "x-request-id");
  private String digestAlgorithm = "SHA-256";
  private String keyId;
  private boolean sslCertificate = true;

  TestSigner(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
    this.keyId =
        "SN="
            + certificate.getSerialNumber().toString(16)
            + ",CA="
            + certificate.getIssuerX500Principal().getName("RFC1779");
  }

  TestSigner algorithm(String label) {
    algorithm = label;
    return this;
  }

  TestSigner headers(String... names) {
    headers = List.of(names);
    return this;
  }

  TestSigner digestAlgorithm(String name) {
    digestAlgorithm = name;
    return this;
  }

  TestSigner keyId(String value) {
    keyId = value;
    return this;
  }

  TestSigner withoutSslCertificate() {
    sslCertificate = false;
    return this;
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** The full header set for {@code body}: X-Request-ID, Digest, Signature, certificate headers. */
  Map<String, String> sign(byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Request-ID", UUID.randomUUID().toString());
    h.put("Digest", digest(digestAlgorithm, body));
    h.put("TPP-Signature-Certificate", TestPki.header(certificate));
    if (sslCertificate) {
      h.put("SSL-Certificate", TestPki.header(certificate));
    }
    h.put("Signature", signatureHeader(h));
    return h;
  }

  Map<String, String> sign(String body) {
    return sign(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Certificate headers only, as the bank's page sends the registration call. */
  Map<String, String> certificatesOnly() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("TPP-Signature-Certificate", TestPki.header(certificate));
    if (sslCertificate) {
      h.put("SSL-Certificate", TestPki.header(certificate));
    }
    return h;
  }

  String signatureHeader(Map<String, String> present) {
    List<String> lines = new ArrayList<>();
    for (String name : headers) {
      String value =
          present.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(name))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse("");
      lines.add(name.toLowerCase() + ": " + value);
    }
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      String sig = Base64.getEncoder().encodeToString(s.sign());
      return "keyId=\""
          + keyId
          + "\",algorithm=\""
          + algorithm
          + "\",headers=\""
          + String.join(" ", headers)
          + "\",signature=\""
          + sig
          + "\"";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String digest(String algorithm, byte[] body) {
    try {
      return algorithm
          + "="
          + Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
