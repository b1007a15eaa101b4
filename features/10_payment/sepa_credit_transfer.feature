@stage:payment @journey
Feature: A SEPA credit transfer from the test account
  "Use the IBAN to initiate payment and account requests. The digipass number is required to authorise the
  request." (the bank's registration page). SEPA credit transfers in the tenants nl, be_fr and be_nl
  (contract section 14); uk payments are out of the contract's scope and not applicable.

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URI "https://tpp.example/cb"
    And the TPP has a test account in a tenant with SEPA credit transfers

  @PIS-1 @must
  Scenario: A SEPA credit transfer is received, with the link to authorise it
    When the TPP initiates a SEPA credit transfer of "12.34" EUR from its test account
    Then the bank receives the payment with status "RCVD", a paymentId and an authorisationId
    And the payment's scaRedirect sends the PSU to the authorisation endpoint for the TPP's client, redirect URI and the payment's scope

  @PIS-2 @must
  Scenario: An authorised and confirmed payment is accepted
    Given the TPP has initiated a SEPA credit transfer of "12.34" EUR from its test account
    And the TPP holds an access token for the payment
    When the TPP reads the payment's status
    Then the payment's status is still received
    When the TPP confirms the payment with its access token
    Then the bank finalises the authorisation
    When the TPP reads the payment's status
    Then the payment's status is accepted or settled

  @PIS-3 @ERR-2 @must
  Scenario Outline: A payment <defect> is refused
    When the TPP initiates a SEPA credit transfer from its test account <defect>
    Then the bank refuses it with 400 and the Berlin Group code "FORMAT_ERROR"

    Examples:
      | defect                                   |
      | in GBP                                   |
      | to a creditor IBAN that is not valid     |
      | from a debtor IBAN that is not valid     |
      | of the amount "12.345"                   |
      | of the amount "-5.00"                    |
      | of the amount "0.00"                     |
      | of the amount "12,34"                    |

  @PIS-4 @ERR-2 @must
  Scenario: A payment confirmed with a consent's access token is refused and stays unauthorised
    Given the TPP has initiated a SEPA credit transfer of "12.34" EUR from its test account
    And the TPP has asked for a consent on its test account
    And the TPP holds an access token for the consent
    When the TPP confirms the payment with the consent's access token
    Then the bank refuses it with 401
    When the TPP reads the payment's status
    Then the payment's status is still received

  @PIS-4 @ERR-2 @must
  Scenario: A payment confirmed with another payment's access token is refused and stays unauthorised
    Given the TPP has initiated a SEPA credit transfer of "12.34" EUR from its test account
    And the TPP holds an access token for another payment
    When the TPP confirms the payment with the other payment's access token
    Then the bank refuses it with 401
    When the TPP reads the payment's status
    Then the payment's status is still received

  @PIS-5 @should
  Scenario: An executed payment shows on the debtor account
    Given the TPP has asked for a consent on its test account
    And the TPP holds an access token for the consent
    And the TPP has confirmed the consent
    And the TPP has read the test account's balances
    And the TPP has initiated a SEPA credit transfer of "12.34" EUR from its test account
    And the TPP holds an access token for the payment
    And the TPP has confirmed the payment
    When the TPP reads the test account's balances
    And the TPP reads the test account's transactions
    Then a balance is lowered by the payment's amount
    And the payment is booked to its creditor
