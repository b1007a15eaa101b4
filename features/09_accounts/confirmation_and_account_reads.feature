@stage:accounts @journey
Feature: Confirm the authorisation, then read the test account
  After the token exchange the TPP confirms the authorisation; the consent is then valid and the account
  list, balances and transactions of the consented test account can be read (contract section 13).

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URI "https://tpp.example/cb"
    And the TPP has a test account
    And the TPP has asked for a consent on its test account
    And the TPP holds an access token for the consent

  @CNF-1 @must
  Scenario: The confirmation with the consent's access token finalises it and makes the consent valid
    When the TPP confirms the consent with its access token
    Then the bank finalises the authorisation
    When the TPP reads the consent's status
    Then the consent's status is "valid"

  @CNF-2 @ERR-2 @must
  Scenario Outline: A confirmation <defect> is refused and the consent stays received
    When the TPP confirms the consent <defect>
    Then the bank refuses it with 401
    When the TPP reads the consent's status
    Then the consent's status is "received"

    Examples:
      | defect                                    |
      | without an access token                   |
      | with the access token of another consent  |

  @AIS-1 @must
  Scenario: The account list of a valid consent shows exactly the test account, with balances and transactions
    Given the TPP has confirmed the consent
    When the TPP reads the account list
    Then the account list shows exactly the test account
    When the TPP reads the test account's balances
    Then the balances are the test account's
    When the TPP reads the test account's transactions
    Then the transactions are the test account's

  @AIS-2 @ERR-2 @must
  Scenario: Reads of a consent that is not confirmed yet are refused
    When the TPP reads the account list
    Then the bank refuses it with 401 and the Berlin Group code "CONSENT_INVALID" or "CONSENT_EXPIRED"
    And the answer discloses no account data

  @AIS-2 @ERR-2 @must @sandbox-clock
  Scenario: Reads of an expired consent are refused
    Given the TPP has confirmed the consent
    And the bank's clock has passed the consent's validity
    When the TPP reads the account list
    Then the bank refuses it with 401 and the Berlin Group code "CONSENT_INVALID" or "CONSENT_EXPIRED"
    And the answer discloses no account data

  @AIS-3 @ERR-2 @must
  Scenario Outline: A read <defect> is refused
    Given the TPP has confirmed the consent
    When the TPP reads the account list <defect>
    Then the bank refuses it with 401 and one of the Berlin Group codes "TOKEN_INVALID, TOKEN_EXPIRED, CONSENT_INVALID"
    And the answer discloses no account data
    And the answer does not repeat the access token the TPP sent

    Examples:
      | defect                                     |
      | without an access token                    |
      | with an access token the bank never issued |
      | with the access token of another consent   |

    @sandbox-clock
    Examples: Ageing the token needs the bank's clock
      | defect                       |
      | with an expired access token |

  @AIS-4 @ERR-2 @must
  Scenario: A read naming a consent id the bank never issued is refused
    Given the TPP has confirmed the consent
    When the TPP reads the account list with a consent id the bank never issued
    Then the bank refuses it with one of the statuses "403, 400" and one of the Berlin Group codes "CONSENT_UNKNOWN"
    And the answer discloses no account data

  @AIS-4 @ERR-2 @must
  Scenario: A read naming another TPP's consent is refused
    Given the TPP has confirmed the consent
    And another TPP holds a consent of its own
    When the TPP reads the account list with the other TPP's consent
    Then the bank refuses it with one of the statuses "403, 400" and one of the Berlin Group codes "CONSENT_UNKNOWN"
    And the answer discloses no account data

  @AIS-4 @ERR-2 @must
  Scenario: An account the consent does not cover is not read
    Given the TPP has confirmed the consent
    And the TPP holds a confirmed consent on a second test account
    When the TPP reads the second account's balances with the first consent
    Then the bank refuses it with a client error
    And the answer discloses no account data

  @AIS-5 @ERR-2 @should @budget
  Scenario: The fifth unattended balances read of the day is refused
    Given the TPP has confirmed the consent
    When the TPP reads the test account's balances 5 times without the PSU
    Then the first 4 reads are answered and the fifth is refused with 429 and the Berlin Group code "ACCESS_EXCEEDED"

  @AIS-5 @should @budget
  Scenario: Positive control: reads with the PSU present are not counted
    Given the TPP has confirmed the consent
    When the TPP reads the test account's balances 5 times with the PSU present
    Then every read is answered

  @OAS-1 @should
  Scenario: The bank publishes OpenAPI documents that parse, and its onboarding, consent and account answers match them
    When the TPP fetches the bank's OpenAPI documents
    Then both documents parse as OpenAPI and describe the onboarding, the consent, the account reads and the token endpoint
    Given the TPP has confirmed the consent
    When the TPP reads the account list
    And the TPP reads the test account's balances
    And the TPP reads the test account's transactions
    Then the bank's OpenAPI documents judged every answer of the scenario
