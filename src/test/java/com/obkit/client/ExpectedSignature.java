package com.obkit.client;

import com.obkit.pki.Credentials;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The headers contract section 2 puts on a signed XS2A call, computed here independently of the
 * kit's signer: with the default profile (SHA256withRSA, {@code digest x-request-id}, SHA-256) and
 * the sandbox's {@code SSL-Certificate}. RSASSA-PKCS1-v1_5 is deterministic, so the whole {@code
 * Signature} value is known once the request id is.
 */
final class ExpectedSignature {
  private ExpectedSignature() {}

  /**
   * @param signer the TPP's certificate and key
   * @param body the exact body bytes
   * @param requestId the {@code X-Request-ID} sent (a UUID; checked here)
   * @return the signing headers by case-insensitive name
   */
  static Map<String, String> expected(Credentials signer, byte[] body, String requestId) {
    if (!UUID.fromString(requestId).toString().equals(requestId)) {
      throw new AssertionError("X-Request-ID is not a lowercase UUID: " + requestId);
    }
    try {
      String digest =
          "SHA-256="
              + Base64.getEncoder()
                  .encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(signer.privateKey());
      rsa.update(
          ("digest: " + digest + "\nx-request-id: " + requestId)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String keyId =
          "SN="
              + signer.certificate().getSerialNumber().toString(16)
              + ",CA="
              + signer.certificate().getIssuerX500Principal().getName("RFC1779");
      Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.put("X-Request-ID", requestId);
      h.put("Digest", digest);
      h.put(
          "Signature",
          "keyId=\""
              + keyId.replace("\\", "\\\\").replace("\"", "\\\"")
              + "\",algorithm=\"SHA256withRSA\",headers=\"digest x-request-id\",signature=\""
              + Base64.getEncoder().encodeToString(rsa.sign())
              + "\"");
      String certificate = Base64.getEncoder().encodeToString(signer.certificate().getEncoded());
      h.put("TPP-Signature-Certificate", certificate);
      h.put("SSL-Certificate", certificate);
      return h;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
