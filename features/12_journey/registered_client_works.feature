@stage:end-to-end @journey
Feature: The registered client works, end to end
  Onboarding is done when the TPP can use what it got: its registration's client_id and client_secret at
  the token endpoint, its test account's IBAN and digipass for a consent and a payment.

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URI "https://tpp.example/cb"

  @CON-1 @SCA-1 @TKN-1 @TKN-7 @CNF-1 @AIS-1 @PIS-1 @PIS-2 @REV-1 @must
  Scenario Outline: Consent, SCA, token, accounts, a payment and the deletion in tenant <tenant>
    Given the TPP has a test account in the tenant "<tenant>"
    When the TPP asks for a consent on its test account
    Then the bank creates the consent with status "received", a consentId and an authorisationId
    When the PSU authorises the consent with the test account's IBAN and digipass
    Then the bank sends the browser back to the redirect URI with a code and the unchanged state
    When the TPP exchanges the code at the token endpoint
    Then the bank issues a bearer access token with a positive lifetime for the consent's scope
    And the bank issues a refresh token
    When the TPP confirms the consent with its access token
    Then the bank finalises the authorisation
    When the TPP reads the account list
    Then the account list shows exactly the test account
    When the TPP reads the test account's balances
    Then the balances are the test account's
    When the TPP reads the test account's transactions
    Then the transactions are the test account's
    When the TPP refreshes the access token
    Then the bank issues a new access token
    When the TPP initiates a SEPA credit transfer of "1.00" EUR from its test account
    Then the bank receives the payment with status "RCVD", a paymentId and an authorisationId
    When the PSU authorises the payment with the test account's IBAN and digipass
    Then the bank sends the browser back to the redirect URI with a code and the unchanged state
    When the TPP exchanges the code at the token endpoint
    Then the bank issues a bearer access token with a positive lifetime for the payment's scope
    When the TPP confirms the payment with its access token
    Then the bank finalises the authorisation
    When the TPP reads the payment's status
    Then the payment's status is accepted or settled
    When the TPP deletes the consent
    Then the bank deletes it with 204
    When the TPP reads the account list
    Then reads with the deleted consent are refused with 401 and the Berlin Group code "CONSENT_INVALID"

    Examples:
      | tenant |
      | nl     |
      | be_fr  |
      | be_nl  |

  @REG-2 @AUTH-3 @TKN-1 @must
  Scenario: After a replayed registration the journey works with the latest client_secret, and the replaced redirect URI is refused
    Given the TPP has a test account
    And the TPP has replayed the whole flow with the redirect URI "https://tpp.example/new"
    When the PSU is sent to the authorisation endpoint with the redirect URI "https://tpp.example/cb"
    Then the bank shows an error page and does not redirect to that redirect URI
    When the TPP asks for a consent on its test account
    And the PSU authorises the consent with the test account's IBAN and digipass
    And the TPP exchanges the code at the token endpoint
    Then the bank issues a bearer access token with a positive lifetime for the consent's scope

  @REG-2 @TKN-3 @ERR-2 @must
  Scenario: After a replayed registration the replaced redirect URI is refused at the token endpoint
    Given the TPP has a test account
    And the TPP has replayed the whole flow with the redirect URI "https://tpp.example/new"
    And the TPP has asked for a consent on its test account
    And the PSU has authorised the consent
    When the TPP exchanges the code with the replaced redirect URI "https://tpp.example/cb"
    Then the token endpoint refuses it with 400 and the OAuth error "invalid_grant"
    And the answer carries no token

  @REG-2 @TKN-6 @ERR-2 @must
  Scenario: A client_secret replaced by a replayed registration is refused
    Given the TPP has a test account
    And the TPP has replayed the whole flow with the redirect URI "https://tpp.example/cb"
    And the TPP has asked for a consent on its test account
    And the PSU has authorised the consent
    When the TPP exchanges the code with the client_secret of the replaced registration
    Then the token endpoint refuses it with 401 or 400 and the OAuth error "invalid_client"
