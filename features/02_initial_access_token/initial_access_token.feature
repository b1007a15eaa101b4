@stage:initial-access-token
Feature: Get an initial access token
  "First GET an Initial Access Token from the onboarding endpoint. The request must be signed with your
  signing certificate." (the bank's registration page, step 2). Every negative scenario is the happy
  request with exactly one thing broken, next to the happy request as its positive control.

  Background:
    Given a TPP with its test certificate

  @TOK-1 @must
  Scenario: A signed onboarding request returns an initial access token and the registration link
    When the TPP requests an initial access token
    Then the bank answers 200 with a JSON body
    And the token's scope is "client-reg" and its type is "Bearer"
    And the token expires in 86400 seconds
    And the answer carries an access token and an absolute registration link

  @TOK-1 @REG-1 @must
  Scenario: The registration link is followed, not built
    When the TPP requests an initial access token
    And the TPP registers the redirect URI "https://tpp.example/cb" at the registration link
    Then the registration is created

  @SIG-5 @must
  Scenario Outline: Both algorithm labels, both signed-header lists and SHA-512 digests are accepted: <algorithm>, "<headers>", <digest>
    When the TPP requests an initial access token signed with algorithm "<algorithm>", headers "<headers>" and digest "<digest>"
    Then the bank answers 200 with a JSON body

    Examples:
      | algorithm     | headers             | digest  |
      | SHA256withRSA | digest x-request-id | SHA-256 |
      | rsa-sha256    | digest x-request-id | SHA-256 |
      | SHA256withRSA | digest              | SHA-256 |
      | rsa-sha256    | digest              | SHA-512 |

  @TOK-2 @ERR-1
  Scenario Outline: A request with one thing broken is refused: <broken>
    When the TPP requests an initial access token with <broken>
    Then the bank refuses it with 401 and the Berlin Group code "<code>"
    And no initial access token is issued

    @SIG-1 @must
    Examples: a header missing
      | broken                              | code                |
      | no Signature header                 | SIGNATURE_MISSING   |
      | no TPP-Signature-Certificate header | CERTIFICATE_MISSING |

    @SIG-2 @must
    Examples: a signature that does not verify
      | broken                                              | code              |
      | a corrupted signature                               | SIGNATURE_INVALID |
      | a signature made with another key                   | SIGNATURE_INVALID |
      | an X-Request-ID other than the signed one           | SIGNATURE_INVALID |
      | a signature that covers fewer headers than it lists | SIGNATURE_INVALID |

    @SIG-3 @must
    Examples: a digest that does not protect the body
      | broken                                | code              |
      | a Digest that does not match the body | SIGNATURE_INVALID |
      | a signed header list without digest   | SIGNATURE_INVALID |

    @SIG-4 @must
    Examples: a keyId of another certificate
      | broken                               | code              |
      | a keyId with the wrong serial number | SIGNATURE_INVALID |
      | a keyId with the wrong issuer        | SIGNATURE_INVALID |

    @SIG-7 @CERT-3 @must
    Examples: the sandbox's SSL-Certificate header
      | broken                    | code                |
      | no SSL-Certificate header | CERTIFICATE_MISSING |
      | a garbled SSL-Certificate | CERTIFICATE_INVALID |

    @CERT-3 @must
    Examples: not a certificate
      | broken                              | code                |
      | a garbled TPP-Signature-Certificate | CERTIFICATE_INVALID |

  @SIG-6 @ERR-1 @should
  Scenario: An unknown signature algorithm label is refused
    When the TPP requests an initial access token with an unknown algorithm label
    Then the bank refuses it with 401 and the Berlin Group code "SIGNATURE_INVALID"

  @TOK-3 @ERR-1 @must
  Scenario: An unknown tenant gets an error, never a token
    When the TPP requests an initial access token for the tenant "xx"
    Then the bank answers 404 "RESOURCE_UNKNOWN" or 400 "FORMAT_ERROR"
    And no initial access token is issued
