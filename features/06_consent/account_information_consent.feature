@stage:consent @journey
Feature: An account information consent for the test account
  "The response contains your registered client_id and client_secret. These fields are required by the
  Authorisation process." "Use the IBAN to initiate payment and account requests." (the bank's registration
  page). The bank supports only the OAuth2 SCA approach with implicit start, redirect only (contract
  section 10).

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URI "https://tpp.example/cb"
    And the TPP has a test account

  @CON-1 @must
  Scenario: A consent on the test account is received, with the links to authorise it
    When the TPP asks for a consent on its test account
    Then the bank creates the consent with status "received", a consentId and an authorisationId
    And the consent's links are relative to the XS2A base and start with the tenant
    And the consent's scaRedirect sends the PSU to the authorisation endpoint for the TPP's client, redirect URI and the consent's scope

  @CON-1 @must
  Scenario: The consent's status link answers its status
    Given the TPP has asked for a consent on its test account
    When the TPP follows the consent's status link
    Then the consent's status is "received"

  @CON-2 @ERR-2 @must
  Scenario Outline: A consent request <defect> is refused
    When the TPP asks for a consent on its test account <defect>
    Then the bank refuses it with 400 and the Berlin Group code "FORMAT_ERROR"
    And the answer discloses no consent

    Examples:
      | defect                                 |
      | without a PSU-IP-Address               |
      | without a TPP-Redirect-URI             |
      | with a frequencyPerDay of 5            |
      | naming a value that is not an IBAN     |

  @CON-2 @ERR-2 @must
  Scenario: A consent request whose body is not JSON is refused
    When the TPP asks for a consent on its test account with a body that is not JSON
    Then the bank refuses it with 400 and the Berlin Group code "FORMAT_ERROR"

  @CON-2 @ERR-2 @must
  Scenario: A consent request with the combined service indicator is refused
    When the TPP asks for a consent on its test account with the combined service indicator
    Then the bank refuses it with 400 and the Berlin Group code "FORMAT_ERROR" or "SESSIONS_NOT_SUPPORTED"

  @CON-3 @ERR-2 @must
  Scenario Outline: A consent request with <breakage> is refused
    When the TPP asks for a consent on its test account with <breakage>
    Then the bank refuses it with 401 and the Berlin Group code "<code>"
    And the answer discloses no consent

    Examples:
      | breakage                                | code              |
      | no Signature header                     | SIGNATURE_MISSING |
      | a signature made with another key       | SIGNATURE_INVALID |
      | a Digest that does not match the body   | SIGNATURE_INVALID |
      | no TPP-Signature-Certificate header     | CERTIFICATE_MISSING |

  @CON-4 @ERR-2 @should
  Scenario: A consent with a redirect URI the TPP did not register is refused already at creation
    When the TPP asks for a consent on its test account with its redirect URI, trailing slash added
    Then the bank refuses it with 400 and the Berlin Group code "FORMAT_ERROR"

  @CON-5 @must
  Scenario: Positive control: the TPP reads its own consent
    Given the TPP has asked for a consent on its test account
    When the TPP reads its consent
    Then the consent's status is "received"

  @CON-5 @ERR-2 @must
  Scenario: A consent id the bank never issued is refused
    When the TPP reads a consent id the bank never issued
    Then the bank refuses it with one of the statuses "403, 400, 404" and one of the Berlin Group codes "CONSENT_UNKNOWN, RESOURCE_UNKNOWN"
    And the answer discloses no consent

  @CON-5 @ERR-2 @must
  Scenario: Another TPP's consent is refused
    Given another TPP holds a consent of its own
    When the TPP reads the other TPP's consent
    Then the bank refuses it with one of the statuses "403, 400, 404" and one of the Berlin Group codes "CONSENT_UNKNOWN, RESOURCE_UNKNOWN"
    And the answer discloses no consent
