@stage:registration
Feature: Register redirect URIs by dynamic client registration
  "Now POST the Initial Access Token together with your Authorization Code Flow redirect URIs ...
  HTTP response 201 Created indicates that your registration is successful. The response contains your
  registered client_id and client_secret." "Your redirect URIs can be updated at any time by replaying this
  registration flow. Your client_id will not change as it is bound to your eIDAS organization identifier."
  (the bank's registration page)

  Background:
    Given a TPP with its test certificate
    And the TPP holds an initial access token

  @REG-1 @must
  Scenario: Registration as production clients send it: signed, token in the form and as Bearer
    When the TPP registers the redirect URIs "https://tpp.example/cb, https://tpp.example/cb2"
    Then the registration is created
    And the answer holds a client_id and a client_secret
    And the answer lists exactly the registered redirect URIs

  @REG-1 @must
  Scenario: Registration exactly as the bank's page shows it: token in the form, certificate headers, no signature
    When the TPP registers the redirect URI "https://tpp.example/cb" unsigned with the token only in the form
    Then the registration is created
    And the answer holds a client_id and a client_secret

  @REG-1 @must
  Scenario: Registration with the token only as Bearer header, as the bank's OpenAPI requires
    When the TPP registers the redirect URI "https://tpp.example/cb" with the token only as Bearer header
    Then the registration is created

  @REG-2 @AUTH-3 @must
  Scenario: Replaying the registration keeps the client_id and replaces the redirect URIs
    Given the TPP has registered the redirect URI "https://tpp.example/old"
    When the TPP replays the whole flow with the redirect URI "https://tpp.example/new"
    And the PSU is sent to the authorisation endpoint with the redirect URI "https://tpp.example/new"
    And the PSU is sent to the authorisation endpoint with the redirect URI "https://tpp.example/old"
    Then the registration is created
    And the client_id is the same as before
    And the registered redirect URIs are replaced by the new list, not added to
    And the authorisation endpoint accepts "https://tpp.example/new"
    And the authorisation endpoint refuses "https://tpp.example/old"

  @REG-2 @must
  Scenario: The client_id is bound to the organization id across tenants
    Given the TPP has registered the redirect URI "https://tpp.example/cb"
    When the TPP replays the whole flow in the tenant "be_nl" with the redirect URI "https://tpp.example/cb"
    Then the registration is created
    And the client_id is the same as before

  @REG-2 @CERT-4 @must
  Scenario: The client_id survives a certificate renewal for the same organization id
    Given the TPP has registered the redirect URI "https://tpp.example/cb"
    When the TPP renews its certificate and replays the whole flow with the redirect URI "https://tpp.example/cb"
    Then the registration is created
    And the client_id is the same as before

  @REG-3 @ERR-1 @must
  Scenario Outline: A registration without a valid initial access token is refused: <token>
    When the TPP registers the redirect URI "https://tpp.example/cb" with <token>
    Then the bank refuses the registration with 400 or 401 and the OAuth error "invalid_token"

    Examples:
      | token                   |
      | no initial access token |
      | an empty token          |
      | an unknown token        |
      | an expired token        |

  @REG-6 @ERR-1 @must
  Scenario: A token issued for another organization id is refused
    When the TPP registers the redirect URI "https://tpp.example/cb" with a token of another organization
    Then the bank refuses the registration with 401

  @REG-4 @ERR-1 @must
  Scenario: A registration without redirect URIs is refused
    When the TPP registers no redirect URI
    Then the bank refuses the registration with 400 and the OAuth error "invalid_redirect_uri" or "invalid_request"

  @REG-5 @ERR-1 @must
  Scenario Outline: A redirect URI that is not absolute or carries a fragment is refused: <uri>
    When the TPP registers the redirect URI "<uri>"
    Then the bank refuses the registration with 400 and the OAuth error "invalid_redirect_uri" or "invalid_request"

    Examples:
      | uri                        |
      | /callback                  |
      | tpp.example/callback       |
      | https://tpp.example/cb#frag |

  @REG-7 @ERR-1 @should
  Scenario Outline: A sector identifier URI that cannot vouch for the redirect URIs is refused: <why>
    When the TPP registers the redirect URI "https://tpp.example/cb" with the sector identifier URI "<sector>"
    Then the bank refuses the registration with 400 and the OAuth error "invalid_client_metadata"

    Examples:
      | why                     | sector                                 |
      | not https               | http://tpp.example/sector.json         |
      | no document can be read | https://sector.invalid/redirects.json  |

  @SIG-1 @ERR-1 @must
  Scenario: A registration without the TPP-Signature-Certificate header is refused
    When the TPP registers the redirect URI "https://tpp.example/cb" with no TPP-Signature-Certificate header
    Then the bank refuses the registration with 401 and the code "CERTIFICATE_MISSING"

  @SIG-2 @ERR-1 @must
  Scenario: A registration whose signature does not verify is refused
    When the TPP registers the redirect URI "https://tpp.example/cb" with a corrupted signature
    Then the bank refuses the registration with 401 and the code "SIGNATURE_INVALID"

  @REG-8 @ERR-1 @should
  Scenario: A plain http redirect URI is refused in production
    Given the bank under test is a production environment
    When the TPP registers the redirect URI "http://tpp.example/cb"
    Then the bank refuses the registration with 400 and the OAuth error "invalid_redirect_uri" or "invalid_request"
