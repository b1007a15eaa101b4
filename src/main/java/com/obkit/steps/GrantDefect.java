package com.obkit.steps;

import java.util.Arrays;

/** One thing broken in a token request (contract section 12), by the feature files' words. */
public enum GrantDefect {
  WRONG_VERIFIER("a wrong code_verifier"),
  NO_VERIFIER("no code_verifier"),
  OTHER_REGISTERED_REDIRECT_URI("the other registered redirect URI"),
  REDIRECT_URI_TRAILING_SLASH("the redirect URI, trailing slash added"),
  NO_BASIC_HEADER("no Basic header"),
  WRONG_SECRET("a wrong client_secret"),
  UNKNOWN_CLIENT_ID("an unknown client_id");

  private final String phrase;

  GrantDefect(String phrase) {
    this.phrase = phrase;
  }

  static GrantDefect byPhrase(String phrase) {
    return Arrays.stream(values())
        .filter(d -> d.phrase.equals(phrase))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown token request defect: " + phrase));
  }
}
