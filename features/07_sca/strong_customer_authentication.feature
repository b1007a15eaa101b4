@stage:sca @journey
Feature: Strong customer authentication with the test account's digipass
  "The digipass number is required to authorise the request." (the bank's registration page). The PSU's
  browser goes to the consent's scaRedirect with state and PKCE, logs in at the bank and comes back to the
  redirect URI with a code (contract section 11). Scenarios tagged @psu-form judge a page the bank shows
  instead of sending the browser back, which only the scripted PSU (kit.psu.driver=form) sees.

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URI "https://tpp.example/cb"
    And the TPP has a test account
    And the TPP has asked for a consent on its test account

  @SCA-1 @must
  Scenario: The PSU logs in with the digipass and the bank sends the browser back with a code
    When the PSU authorises the consent with the test account's IBAN and digipass
    Then the bank sends the browser back to the redirect URI with a code and the unchanged state

  @SCA-2 @must @psu-form
  Scenario: A wrong digipass gets no code, and the right one then does
    When the PSU logs in with a wrong digipass once, then with the right one
    Then the bank answers the wrong digipass without a code
    And the bank sends the browser back to the redirect URI with a code and the unchanged state

  @SCA-2 @must
  Scenario: Three wrong digipasses end the authorisation and reject the consent
    When the PSU logs in with a wrong digipass three times
    Then the bank issues no code
    And the bank sends the browser back with the error "access_denied" or "consent_required" and the unchanged state
    When the TPP reads the consent's status
    Then the consent's status is "rejected"

  @SCA-2 @must
  Scenario: The PSU cancels, and the consent is rejected
    When the PSU cancels the authorisation
    Then the bank issues no code
    And the bank sends the browser back with the error "consent_required" or "access_denied" and the unchanged state
    When the TPP reads the consent's status
    Then the consent's status is "rejected"

  @SCA-2 @must @psu-form
  Scenario: A test account the consent does not cover gets no code
    Given the TPP has a second test account
    When the PSU logs in with the second test account's IBAN and digipass
    Then the bank issues no code

  @SCA-3 @should @psu-form
  Scenario: A used scaRedirect cannot be used again
    Given the PSU has authorised the consent
    When the PSU opens the consent's scaRedirect a second time
    Then the bank refuses the second use without issuing a code
