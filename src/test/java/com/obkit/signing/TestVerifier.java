package com.obkit.signing;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny, independent model of the bank's checks (contract section 2), written without the
 * production classes (own parameter regex, own signing string, own digest), so tests of the signer
 * and of each Tampering do not grade the code with itself. Returns the set of problems found.
 */
final class TestVerifier {

  static final String SIGNATURE_MISSING = "SIG-1 signature missing";
  static final String CERTIFICATE_MISSING = "SIG-1 certificate missing";
  static final String CERTIFICATE_UNPARSEABLE = "CERT-3 signature certificate unparseable";
  static final String SSL_MISSING = "SIG-7 ssl certificate missing";
  static final String SSL_UNPARSEABLE = "SIG-7 ssl certificate unparseable";
  static final String DIGEST_MISMATCH = "SIG-3 digest does not match body";
  static final String DIGEST_NOT_SIGNED = "SIG-3 digest not signed";
  static final String SIGNATURE_INVALID = "SIG-2 signature invalid";
  static final String KEYID_SERIAL = "SIG-4 keyId serial";
  static final String KEYID_ISSUER = "SIG-4 keyId issuer";
  static final String UNKNOWN_ALGORITHM = "SIG-6 unknown algorithm";

  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private TestVerifier() {}

  /**
   * Problems with a request's headers (name case-insensitive) and body; sandbox: SSL-Certificate
   * required.
   */
  static Set<String> problems(Map<String, String> rawHeaders, byte[] body, boolean sandbox) {
    Map<String, String> h = new HashMap<>();
    rawHeaders.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    Set<String> problems = new TreeSet<>();

    if (sandbox) {
      String ssl = h.get("ssl-certificate");
      if (ssl == null) {
        problems.add(SSL_MISSING);
      } else if (certificate(ssl).isEmpty()) {
        problems.add(SSL_UNPARSEABLE);
      }
    }
    String digest = h.get("digest");
    if (digest == null || !digestMatches(digest, body)) {
      problems.add(DIGEST_MISMATCH);
    }
    String sig = h.get("signature");
    if (sig == null) {
      problems.add(SIGNATURE_MISSING);
    }
    String certValue = h.get("tpp-signature-certificate");
    Optional<X509Certificate> cert = Optional.empty();
    if (certValue == null) {
      problems.add(CERTIFICATE_MISSING);
    } else {
      cert = certificate(certValue);
      if (cert.isEmpty()) {
        problems.add(CERTIFICATE_UNPARSEABLE);
      }
    }
    if (sig == null) {
      return problems;
    }
    Map<String, String> params = params(sig);
    List<String> signed = List.of(params.getOrDefault("headers", "date").split(" "));
    if (!signed.contains("digest")) {
      problems.add(DIGEST_NOT_SIGNED);
    }
    String algorithm = params.get("algorithm");
    if (!"SHA256withRSA".equals(algorithm) && !"rsa-sha256".equals(algorithm)) {
      problems.add(UNKNOWN_ALGORITHM);
    }
    if (cert.isEmpty()) {
      return problems;
    }
    String keyId = params.getOrDefault("keyId", "");
    String expectedSerial = "SN=" + cert.get().getSerialNumber().toString(16) + ",";
    if (!keyId.startsWith(expectedSerial)) {
      problems.add(KEYID_SERIAL);
    }
    if (!keyId.endsWith(",CA=" + cert.get().getIssuerX500Principal().getName("RFC1779"))) {
      problems.add(KEYID_ISSUER);
    }
    if (!verifies(
        cert.get().getPublicKey(),
        signingString(signed, h),
        params.getOrDefault("signature", ""))) {
      problems.add(SIGNATURE_INVALID);
    }
    return problems;
  }

  /** The signing string, by plain concatenation; a missing header yields null. */
  static String signingString(List<String> names, Map<String, String> lowercaseHeaders) {
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      String value = lowercaseHeaders.get(name.toLowerCase(Locale.ROOT));
      if (value == null) {
        return null;
      }
      lines.add(name.toLowerCase(Locale.ROOT) + ": " + value);
    }
    return String.join("\n", lines);
  }

  static boolean verifies(PublicKey key, String signingString, String base64Signature) {
    if (signingString == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(signingString.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(base64Signature));
    } catch (Exception e) {
      return false;
    }
  }

  static Map<String, String> params(String signatureHeader) {
    Map<String, String> params = new HashMap<>();
    Matcher m = PARAM.matcher(signatureHeader);
    while (m.find()) {
      params.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
    }
    return params;
  }

  static boolean digestMatches(String digest, byte[] body) {
    int eq = digest.indexOf('=');
    String label = digest.substring(0, Math.max(eq, 0)).toUpperCase(Locale.ROOT);
    if (!label.equals("SHA-256") && !label.equals("SHA-512")) {
      return false;
    }
    try {
      byte[] expected = MessageDigest.getInstance(label).digest(body);
      return Base64.getEncoder().encodeToString(expected).equals(digest.substring(eq + 1));
    } catch (Exception e) {
      return false;
    }
  }

  static Optional<X509Certificate> certificate(String base64Der) {
    try {
      return Optional.of(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(Base64.getDecoder().decode(base64Der))));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  static BigInteger serialOf(String keyId) {
    return new BigInteger(keyId.substring(3, keyId.indexOf(',')), 16);
  }
}
