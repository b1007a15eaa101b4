package com.obkit.checks;

import com.obkit.pki.Certificates;
import com.obkit.pki.Psd2QcStatement;
import com.obkit.pki.PspRole;
import com.obkit.pki.QcStatements;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks of a generated eIDAS certificate against the ETSI profiles (contract section 3). */
public final class CertificateChecks {
  private static final String[] KEY_USAGE_NAMES = {
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly"
  };

  private CertificateChecks() {}

  public static Check<X509Certificate> organizationIdentifier(String expected) {
    return new Check<>(
        "CheckOrganizationIdentifier",
        c -> {
          String actual = Certificates.organizationIdentifier(c).orElse("<absent>");
          return actual.equals(expected)
              ? Optional.empty()
              : Optional.of("organizationIdentifier is " + actual + ", expected " + expected);
        });
  }

  public static Check<X509Certificate> psd2Statement(
      List<PspRole> roles, String ncaName, String ncaId) {
    Psd2QcStatement expected = new Psd2QcStatement(roles, ncaName, ncaId);
    return new Check<>(
        "CheckPsd2QcStatement",
        c -> {
          Optional<Psd2QcStatement> actual = Psd2QcStatement.from(c);
          return actual.filter(expected::equals).isPresent()
              ? Optional.empty()
              : Optional.of(
                  "PSD2 statement is "
                      + actual.map(Object::toString).orElse("<absent>")
                      + ", expected "
                      + expected);
        });
  }

  public static Check<X509Certificate> keyUsages(List<String> expected) {
    return new Check<>(
        "CheckKeyUsages",
        c -> {
          List<String> actual = new ArrayList<>();
          boolean[] ku = c.getKeyUsage();
          for (int i = 0; ku != null && i < ku.length && i < KEY_USAGE_NAMES.length; i++) {
            if (ku[i]) {
              actual.add(KEY_USAGE_NAMES[i]);
            }
          }
          return actual.size() == expected.size() && actual.containsAll(expected)
              ? Optional.empty()
              : Optional.of("key usages are " + actual + ", expected " + expected);
        });
  }

  public static Check<X509Certificate> extendedKeyUsages(List<String> expected) {
    return new Check<>(
        "CheckExtendedKeyUsages",
        c -> {
          List<String> actual = new ArrayList<>();
          try {
            List<String> oids = c.getExtendedKeyUsage();
            for (String oid : oids == null ? List.<String>of() : oids) {
              actual.add(
                  switch (oid) {
                    case "1.3.6.1.5.5.7.3.1" -> "serverAuth";
                    case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
                    default -> oid;
                  });
            }
          } catch (CertificateParsingException e) {
            return Optional.of("extended key usage cannot be parsed: " + e.getMessage());
          }
          return actual.size() == expected.size() && actual.containsAll(expected)
              ? Optional.empty()
              : Optional.of("extended key usages are " + actual + ", expected " + expected);
        });
  }

  /** QcCompliance present and QcType {@code eseal} or {@code web}. */
  public static Check<X509Certificate> qcComplianceAndType(String type) {
    String expectedOid =
        switch (type) {
          case "eseal" -> QcStatements.QCT_ESEAL;
          case "web" -> QcStatements.QCT_WEB;
          default ->
              throw new IllegalArgumentException("QC type must be eseal or web, not " + type);
        };
    return new Check<>(
        "CheckQcComplianceAndType",
        c -> {
          if (!QcStatements.hasQcCompliance(c)) {
            return Optional.of("no QcCompliance statement");
          }
          String actual = QcStatements.qcTypeOid(c).orElse("<absent>");
          return actual.equals(expectedOid)
              ? Optional.empty()
              : Optional.of("QcType is " + actual + ", expected " + expectedOid);
        });
  }

  public static Check<X509Certificate> sha256WithStrongRsa() {
    return Check.that(
        "CheckSha256AndRsa2048",
        c ->
            c.getSigAlgName().equalsIgnoreCase("SHA256withRSA")
                && c.getPublicKey() instanceof RSAPublicKey rsa
                && rsa.getModulus().bitLength() >= 2048,
        c ->
            "signature algorithm "
                + c.getSigAlgName()
                + ", key "
                + c.getPublicKey().getAlgorithm());
  }
}
