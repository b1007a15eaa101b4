package com.obkit.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal DER TLV reader (X.690) for tests, written without Bouncy Castle so that certificates
 * the kit builds with Bouncy Castle are read back by something else. Single-octet identifiers only
 * (tag numbers below 31), definite lengths only: all that X.509 uses. Any deviation throws.
 *
 * @param tag the identifier octet, e.g. {@code 0x30} SEQUENCE, {@code 0x80} [0] IMPLICIT primitive
 * @param value the content octets
 */
record Der(int tag, byte[] value) {

  static final int BOOLEAN = 0x01;
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int OID = 0x06;
  static final int UTF8_STRING = 0x0C;
  static final int PRINTABLE_STRING = 0x13;
  static final int IA5_STRING = 0x16;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  /** Exactly one TLV filling {@code bytes}. */
  static Der parse(byte[] bytes) {
    List<Der> all = parseAll(bytes);
    if (all.size() != 1) {
      throw new IllegalArgumentException("expected one TLV, found " + all.size());
    }
    return all.get(0);
  }

  /** The TLVs that follow each other in {@code bytes}, filling it exactly. */
  static List<Der> parseAll(byte[] bytes) {
    List<Der> result = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int tag = bytes[at++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        throw new IllegalArgumentException("multi-octet tag at " + (at - 1));
      }
      if (at >= bytes.length) {
        throw new IllegalArgumentException("truncated length");
      }
      int first = bytes[at++] & 0xFF;
      int length;
      if (first < 0x80) {
        length = first;
      } else {
        int octets = first & 0x7F;
        if (octets == 0 || octets > 3) {
          throw new IllegalArgumentException(
              "unsupported length form 0x" + Integer.toHexString(first));
        }
        length = 0;
        for (int i = 0; i < octets; i++) {
          length = (length << 8) | (bytes[at++] & 0xFF);
        }
        if (length < 0x80 || (octets > 1 && length < (1 << (8 * (octets - 1))))) {
          throw new IllegalArgumentException("non-minimal DER length " + length);
        }
      }
      if (at + length > bytes.length) {
        throw new IllegalArgumentException("length " + length + " runs past the end");
      }
      result.add(new Der(tag, Arrays.copyOfRange(bytes, at, at + length)));
      at += length;
    }
    return result;
  }

  /**
   * The DER value inside the certificate's or CRL's extension {@code oid} (unwrapping the OCTET
   * STRING that {@link X509Certificate#getExtensionValue} returns); null when absent.
   */
  static Der extension(java.security.cert.X509Extension certificate, String oid) {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      return null;
    }
    return parse(parse(wrapped).expect(OCTET_STRING).value());
  }

  /** The certificate's subject: one entry per RDN, each as {@code "<oid> <tag> <value>"}. */
  static List<String> subject(X509Certificate certificate) {
    List<String> rdns = new ArrayList<>();
    for (Der rdn : parse(certificate.getSubjectX500Principal().getEncoded()).children(SEQUENCE)) {
      List<Der> attributes = rdn.children(SET);
      if (attributes.size() != 1) {
        throw new IllegalArgumentException("multi-valued RDN");
      }
      List<Der> pair = attributes.get(0).children(SEQUENCE);
      rdns.add(pair.get(0).oid() + " " + tagName(pair.get(1).tag()) + " " + pair.get(1).text());
    }
    return rdns;
  }

  Der expect(int expected) {
    if (tag != expected) {
      throw new IllegalArgumentException(
          "expected tag 0x"
              + Integer.toHexString(expected)
              + ", got 0x"
              + Integer.toHexString(tag));
    }
    return this;
  }

  /** The elements of this constructed value, which must carry {@code expected} as its tag. */
  List<Der> children(int expected) {
    expect(expected);
    if ((tag & 0x20) == 0) {
      throw new IllegalArgumentException("not constructed: 0x" + Integer.toHexString(tag));
    }
    return parseAll(value);
  }

  /** An OBJECT IDENTIFIER in dotted form. */
  String oid() {
    expect(OID);
    StringBuilder sb = new StringBuilder();
    BigInteger current = BigInteger.ZERO;
    boolean first = true;
    for (byte b : value) {
      current = current.shiftLeft(7).or(BigInteger.valueOf(b & 0x7F));
      if ((b & 0x80) == 0) {
        if (first) {
          int arc = current.min(BigInteger.valueOf(80)).intValue() / 40;
          sb.append(arc).append('.').append(current.subtract(BigInteger.valueOf(40L * arc)));
          first = false;
        } else {
          sb.append('.').append(current);
        }
        current = BigInteger.ZERO;
      }
    }
    return sb.toString();
  }

  /** The characters of a UTF8String, PrintableString, IA5String or a [n] IMPLICIT IA5String. */
  String text() {
    return new String(
        value, tag == UTF8_STRING ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
  }

  /**
   * The whole tree in one line, for exact comparison: {@code SEQUENCE{OID 1.2.3,UTF8String "x"}};
   * context-specific tags as {@code [n]} (constructed: {@code [n]{...}}; primitive: quoted text
   * when printable ASCII, else hex); BOOLEAN, INTEGER and OCTET STRING in hex.
   */
  String render() {
    boolean constructed = (tag & 0x20) != 0;
    boolean context = (tag & 0xC0) == 0x80;
    String name =
        context
            ? "[" + (tag & 0x1F) + "]"
            : switch (tag) {
              case SEQUENCE -> "SEQUENCE";
              case SET -> "SET";
              case OID -> "OID";
              case BOOLEAN -> "BOOLEAN";
              case INTEGER -> "INTEGER";
              case OCTET_STRING -> "OCTET_STRING";
              default -> tagName(tag);
            };
    if (constructed) {
      StringBuilder sb = new StringBuilder(name).append('{');
      List<Der> elements = parseAll(value);
      for (int i = 0; i < elements.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(elements.get(i).render());
      }
      return sb.append('}').toString();
    }
    return switch (tag) {
      case OID -> "OID " + oid();
      case UTF8_STRING, PRINTABLE_STRING, IA5_STRING -> name + " \"" + text() + "\"";
      default -> name + " " + (context && printable() ? "\"" + text() + "\"" : hex());
    };
  }

  String hex() {
    StringBuilder sb = new StringBuilder();
    for (byte b : value) {
      sb.append(String.format("%02x", b & 0xFF));
    }
    return sb.toString();
  }

  private boolean printable() {
    for (byte b : value) {
      if (b < 0x20 || b > 0x7E) {
        return false;
      }
    }
    return value.length > 0;
  }

  static String tagName(int tag) {
    return switch (tag) {
      case UTF8_STRING -> "UTF8String";
      case PRINTABLE_STRING -> "PrintableString";
      case IA5_STRING -> "IA5String";
      default -> "0x" + Integer.toHexString(tag);
    };
  }
}
