package com.obkit.signing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Signature} header (contract section 2; draft-cavage-http-signatures-10 section 4):
 * {@code keyId="…",algorithm="…",headers="digest x-request-id",signature="…"}.
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

  /**
   * Parses a {@code Signature} header value: a comma-separated list of {@code name="value"}
   * parameters, optional whitespace around separators tolerated, values must be quoted (CAV 4.1).
   * Unknown parameters (e.g. {@code created}) are ignored as CAV 2.1 asks; parameter names are
   * case-sensitive. An absent {@code headers} parameter means {@link #DEFAULT_HEADERS}.
   *
   * @throws SignatureFormatException naming the problem: empty value, garbage where a parameter was
   *     expected, unquoted or unterminated value, duplicate parameter, missing {@code keyId},
   *     {@code algorithm} (REQUIRED in CAV-10 2.1.3) or {@code signature}, empty {@code headers}
   */
  public static SignatureHeader parse(String value) {
    if (value == null || value.isBlank()) {
      throw new SignatureFormatException("Signature header is empty");
    }
    Map<String, String> params = new HashMap<>();
    Cursor in = new Cursor(value);
    while (true) {
      in.skipOws();
      String name = in.token();
      if (name.isEmpty()) {
        throw new SignatureFormatException(
            in.atEnd()
                ? "Signature header ends with a comma"
                : "Signature header: expected a parameter name at position "
                    + in.pos
                    + " but found '"
                    + in.peek()
                    + "'");
      }
      in.skipOws();
      if (!in.consume('=')) {
        throw new SignatureFormatException("Signature parameter '" + name + "' has no '='");
      }
      in.skipOws();
      if (!in.consume('"')) {
        throw new SignatureFormatException(
            "Signature parameter '" + name + "' has an unquoted value");
      }
      String paramValue = in.quotedRest(name);
      if (params.putIfAbsent(name, paramValue) != null) {
        throw new SignatureFormatException(
            "Signature parameter '" + name + "' appears more than once");
      }
      in.skipOws();
      if (in.atEnd()) {
        break;
      }
      if (!in.consume(',')) {
        throw new SignatureFormatException(
            "Signature header: unexpected '"
                + in.peek()
                + "' at position "
                + in.pos
                + " after parameter '"
                + name
                + "' (expected ',')");
      }
    }
    String keyId = required(params, "keyId");
    String algorithm = required(params, "algorithm");
    String signature = required(params, "signature");
    List<String> headers;
    if (params.containsKey("headers")) {
      headers =
          Arrays.stream(params.get("headers").strip().split("[ \t]+"))
              .filter(s -> !s.isEmpty())
              .toList();
      if (headers.isEmpty()) {
        throw new SignatureFormatException("Signature parameter 'headers' is empty");
      }
    } else {
      headers = DEFAULT_HEADERS;
    }
    return new SignatureHeader(keyId, algorithm, headers, signature);
  }

  private static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null) {
      throw new SignatureFormatException("Signature parameter '" + name + "' is missing");
    }
    return v;
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

  /** A position in the header value: parsing state local to one {@link #parse} call. */
  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    char peek() {
      return s.charAt(pos);
    }

    void skipOws() {
      while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
        pos++;
      }
    }

    boolean consume(char c) {
      if (!atEnd() && peek() == c) {
        pos++;
        return true;
      }
      return false;
    }

    /** An RFC 7230 token: the parameter name. */
    String token() {
      int start = pos;
      while (!atEnd() && isTokenChar(peek())) {
        pos++;
      }
      return s.substring(start, pos);
    }

    /** The rest of a quoted string whose opening quote was consumed, quoted-pairs unescaped. */
    String quotedRest(String name) {
      StringBuilder out = new StringBuilder();
      while (!atEnd()) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          if (atEnd()) {
            break;
          }
          c = s.charAt(pos++);
        }
        out.append(c);
      }
      throw new SignatureFormatException(
          "Signature parameter '" + name + "' has an unterminated quote");
    }

    private static boolean isTokenChar(char c) {
      return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
  }

  /** The header value; the signature is not secret (it travels in every request). */
  @Override
  public String toString() {
    return format();
  }
}
