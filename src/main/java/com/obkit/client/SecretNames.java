package com.obkit.client;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which field, form, query and cookie names carry secret values, by what the name says rather than
 * by a fixed list: a bank may add fields nobody foresaw ({@code registration_access_token}, {@code
 * sessionToken}, {@code api_key}). Names that describe a secret without being one ({@code
 * token_type}, {@code token_endpoint}, {@code client_secret_expires_at}, {@code keyId}, {@code
 * public_key}) are not secret: masking or registering their values would hide facts the checks
 * report and, for the {@link SecretRegistry}, scrub ordinary words such as {@code
 * client_secret_basic} from every output.
 */
final class SecretNames {

  /** Words that make a name secret wherever they occur in it. */
  private static final List<String> WORDS =
      List.of("token", "secret", "password", "verifier", "digipass", "session", "assertion", "key");

  /**
   * Endings of names that are about a secret (its type, lifetime, endpoint, algorithm, the RFC 7009
   * {@code token_type_hint}) rather than the secret itself.
   */
  private static final List<String> METADATA_ENDINGS =
      List.of(
          "_type",
          "_types",
          "_hint",
          "_method",
          "_methods",
          "_alg",
          "_uri",
          "_uris",
          "_url",
          "_endpoint",
          "_supported",
          "_at",
          "_in",
          "_expires",
          "_length");

  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  private SecretNames() {}

  /**
   * Whether a form field, query parameter or cookie of this name carries a secret; {@code code}
   * counts (there it is an authorisation code).
   */
  static boolean isSecret(String name) {
    String n = normal(name);
    return n.equals("code") || isSecretWord(n);
  }

  /**
   * Whether a JSON field of this name carries a secret; {@code code} does not (in JSON it is
   * usually a Berlin Group error code such as {@code SIGNATURE_INVALID}, which must stay visible).
   */
  static boolean isSecretJsonField(String name) {
    return isSecretWord(normal(name));
  }

  private static boolean isSecretWord(String n) {
    if (n.isEmpty() || METADATA_ENDINGS.stream().anyMatch(n::endsWith)) {
      return false;
    }
    String squashed = n.replace("_", "");
    // A key id names a key, it is not one (the Signature header's keyId, a JWK's kid).
    if (squashed.contains("keyid") || squashed.contains("public")) {
      return false;
    }
    return WORDS.stream().anyMatch(squashed::contains);
  }

  /**
   * snake_case in lower case, so that {@code tokenType} and {@code token-type} read as {@code
   * token_type}.
   */
  private static String normal(String name) {
    if (name == null) {
      return "";
    }
    return CAMEL_HUMP
        .matcher(name.trim())
        .replaceAll("$1_$2")
        .replace('-', '_')
        .toLowerCase(Locale.ROOT);
  }
}
