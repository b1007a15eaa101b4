package com.obkit.signing;

import java.util.List;

/**
 * The {@code Signature} header (contract section 2; draft-cavage-http-signatures-10 section 4):
 * {@code keyId="…",algorithm="…",headers="digest x-request-id",signature="…"}.
 *
 * <p>The kit only writes this header (negative scenarios change its structure, never its text); the
 * reference sandbox reads it with a parser of its own, so the two readings are independent.
 *
 * <p>Quoted values may contain commas and spaces (the Triodos keyId does: {@code
 * SN=1,CA=CN=Xs2aTpp.com, O=TriodosBank, …}). Cavage defines no escaping; a double quote or
 * backslash inside a value (an RFC 1779 issuer may quote an attribute, {@code O="Acme, Inc."}) is
 * written and read as a quoted-pair ({@code \"}, {@code \\}) as in RFC 7230 3.2.6, the only
 * unambiguous choice.
 *
 * @param keyId the key id, e.g. {@code SN=1,CA=CN=…} (SIG-4)
 * @param algorithm the algorithm label, e.g. {@code SHA256withRSA} or {@code rsa-sha256} (SIG-5,
 *     SIG-6)
 * @param headers the signed header names, in signing order, as sent (SIG-3: must contain {@code
 *     digest})
 * @param signature base64 of the signature bytes (SIG-2)
 */
public record SignatureHeader(
    String keyId, String algorithm, List<String> headers, String signature) {

  /**
   * What {@code headers} means when the parameter is absent: CAV 2.1.3 says {@code date}. Kept for
   * fidelity to the draft; for this bank it means the request signs no {@code digest} and fails
   * SIG-3.
   */
  public static final List<String> DEFAULT_HEADERS = List.of("date");

  public SignatureHeader {
    requireValue("keyId", keyId);
    requireValue("algorithm", algorithm);
    requireValue("signature", signature);
    if (headers == null || headers.isEmpty()) {
      throw new SignatureFormatException("Signature parameter 'headers' is empty");
    }
    headers = List.copyOf(headers);
    for (String h : headers) {
      if (h.isBlank() || h.chars().anyMatch(c -> c <= ' ' || c == '"' || c == 0x7f)) {
        throw new SignatureFormatException(
            "Signature parameter 'headers' contains an invalid header name '" + h + "'");
      }
    }
  }

  /**
   * The header value, parameters in the order BG shows them: keyId, algorithm, headers, signature.
   */
  public String format() {
    return "keyId="
        + quote(keyId)
        + ",algorithm="
        + quote(algorithm)
        + ",headers="
        + quote(String.join(" ", headers))
        + ",signature="
        + quote(signature);
  }

  private static void requireValue(String name, String value) {
    if (value == null) {
      throw new SignatureFormatException("Signature parameter '" + name + "' is missing");
    }
    if (value.isBlank()) {
      throw new SignatureFormatException("Signature parameter '" + name + "' is empty");
    }
    if (value.chars().anyMatch(c -> c < ' ' && c != '\t' || c == 0x7f)) {
      // A line break would split the HTTP header: never format or accept one.
      throw new SignatureFormatException(
          "Signature parameter '" + name + "' contains a control character");
    }
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The header value; the signature is not secret (it travels in every request). */
  @Override
  public String toString() {
    return format();
  }
}
