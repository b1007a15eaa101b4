package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.pki.Credentials;
import com.obkit.pki.KeyId;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Key Id of contract section 2, known answers: the contract's own example for a certificate
 * with serial 1 and the sandbox's issuer, and the serial in lowercase hex without leading zeros.
 */
class KeyIdKnownAnswerTest {
  private static final String ISSUER =
      "CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDGO-BES-WGXZKBYE, L=Zeist, C=NL";

  /** The contract's example, verbatim. */
  private static final String CONTRACT_EXAMPLE = "SN=1,CA=" + ISSUER;

  /** A certificate issued by the sandbox's synthetic issuer, built with Bouncy Castle directly. */
  private static X509Certificate certificate(BigInteger serial) throws Exception {
    X500Name issuer =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "NL")
            .addRDN(BCStyle.L, "Zeist")
            .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "PSDGO-BES-WGXZKBYE")
            .addRDN(BCStyle.O, "TriodosBank")
            .addRDN(BCStyle.CN, "Xs2aTpp.com")
            .build();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "TPP").build();
    Credentials key = TestCredentials.main();
    Instant now = Instant.now();
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    issuer,
                    serial,
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))),
                    subject,
                    key.certificate().getPublicKey())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey())));
  }

  @Test
  void theContractsExample() throws Exception {
    X509Certificate cert = certificate(BigInteger.ONE);
    assertThat(KeyId.of(cert).toString()).isEqualTo(CONTRACT_EXAMPLE);
    Credentials credentials = new Credentials(cert, TestCredentials.main().privateKey());
    assertThat(credentials.keyId().toString()).isEqualTo(CONTRACT_EXAMPLE);
    HttpSigner signer = new HttpSigner(credentials, SigningProfile.DEFAULT);
    assertThat(signer.keyId()).isEqualTo(CONTRACT_EXAMPLE);
    SignedHeaders signed = signer.sign(new byte[0], "99391c7e-ad88-49ec-a2ad-99ddcb1f7721");
    assertThat(signed.signature()).startsWith("keyId=\"" + CONTRACT_EXAMPLE + "\",");
    assertThat(signed.signatureHeader().keyId()).isEqualTo(CONTRACT_EXAMPLE);
    KeyId parsed = KeyId.parse(CONTRACT_EXAMPLE);
    assertThat(parsed.serialNumber()).isEqualTo(BigInteger.ONE);
    assertThat(parsed.issuer()).isEqualTo(ISSUER);
  }

  @ParameterizedTest
  @CsvSource({
    "0ABC, abc",
    "00FF, ff",
    "1, 1",
    "100000, 100000",
    "7FFFFFFFFFFFFFFF, 7fffffffffffffff"
  })
  void theSerialIsLowercaseHexWithoutLeadingZeros(String serialHex, String written)
      throws Exception {
    X509Certificate cert = certificate(new BigInteger(serialHex, 16));
    assertThat(KeyId.of(cert).toString()).isEqualTo("SN=" + written + ",CA=" + ISSUER);
    assertThat(
            new HttpSigner(
                    new Credentials(cert, TestCredentials.main().privateKey()),
                    SigningProfile.DEFAULT)
                .keyId())
        .isEqualTo("SN=" + written + ",CA=" + ISSUER);
  }
}
