@stage:token @journey
Feature: The token endpoint takes the registration's client_id and client_secret
  "The response contains your registered client_id and client_secret. These fields are required by the
  Authorisation process." (the bank's registration page). HTTP Basic, PKCE S256, the identical redirect_uri,
  single-use codes (contract section 12). Each negative uses a code of its own.

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URIs "https://tpp.example/cb, https://tpp.example/cb2"
    And the TPP has a test account
    And the TPP has asked for a consent on its test account
    And the PSU has authorised the consent

  @TKN-1 @must
  Scenario: The code is exchanged for an access token and a refresh token with the registration's credentials
    When the TPP exchanges the code at the token endpoint
    Then the bank issues a bearer access token with a positive lifetime for the consent's scope
    And the bank issues a refresh token

  @TKN-2 @ERR-2 @must
  Scenario Outline: A code with <defect> is refused
    When the TPP exchanges the code with <defect>
    Then the token endpoint refuses it with 400 and the OAuth error "invalid_grant"
    And the answer carries no token

    Examples:
      | defect                  |
      | a wrong code_verifier   |
      | no code_verifier        |

  @TKN-3 @ERR-2 @must
  Scenario Outline: A code with a redirect_uri not identical to the authorisation request's is refused: <defect>
    When the TPP exchanges the code with <defect>
    Then the token endpoint refuses it with 400 and the OAuth error "invalid_grant"
    And the answer carries no token

    Examples:
      | defect                                |
      | the other registered redirect URI     |
      | the redirect URI, trailing slash added |

  @TKN-4 @ERR-2 @must
  Scenario: A code used a second time is refused, and the tokens issued for it should be revoked
    Given the TPP has exchanged the code
    When the TPP exchanges the same code again
    Then the token endpoint refuses it with 400 and the OAuth error "invalid_grant"
    And the answer carries no token
    When the TPP confirms the consent with the access token issued for the reused code
    Then the bank should refuse the access token issued for the reused code

  @TKN-5 @ERR-2 @must
  Scenario: A code issued to another client is refused
    Given another TPP has registered the redirect URI "https://tpp.example/cb"
    When the other TPP exchanges the TPP's code with its own client credentials
    Then the token endpoint refuses it with 400 and the OAuth error "invalid_grant" or "unauthorized_client"
    And the answer carries no token

  @TKN-6 @ERR-2 @must
  Scenario Outline: Client credentials with <defect> are refused
    When the TPP exchanges the code with <defect>
    Then the token endpoint refuses it with 401 or 400 and the OAuth error "invalid_client"
    And the answer carries no token

    Examples:
      | defect                  |
      | no Basic header         |
      | a wrong client_secret   |
      | an unknown client_id    |

  @TKN-7 @must
  Scenario: A refresh token gets a new access token
    Given the TPP has exchanged the code
    When the TPP refreshes the access token
    Then the bank issues a new access token

  @TKN-7 @ERR-2 @must
  Scenario: A refresh token the bank never issued is refused
    When the TPP refreshes with a refresh token the bank never issued
    Then the token endpoint refuses it with 400 and the OAuth error "invalid_grant" or "invalid_request"
    And the answer carries no token

  @TKN-8 @ERR-2 @should
  Scenario Outline: The code sent with the grant type "<grant>" is refused
    When the TPP exchanges the code with the grant type "<grant>"
    Then the token endpoint refuses it with 400 and the OAuth error "unsupported_grant_type" or "unauthorized_client"
    And the answer carries no token

    Examples:
      | grant              |
      | client_credentials |
      | password           |
