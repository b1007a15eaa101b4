@stage:revocation @journey
Feature: The TPP ends what it was given
  A consent deleted by the TPP is terminated and reads with it are refused; a revoked refresh token no
  longer works (contract section 15).

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URI "https://tpp.example/cb"
    And the TPP has a test account
    And the TPP has asked for a consent on its test account
    And the TPP holds an access token for the consent
    And the TPP has confirmed the consent

  @REV-1 @ERR-2 @must
  Scenario: A deleted consent is terminated by the TPP and reads with it are refused
    When the TPP deletes the consent
    Then the bank deletes it with 204
    When the TPP reads the consent's status
    Then the consent's status is "terminatedByTpp"
    When the TPP reads the account list
    Then the bank refuses it with 401 and the Berlin Group code "CONSENT_INVALID"

  @REV-2 @should
  Scenario: A revoked refresh token is refused at the token endpoint
    When the TPP revokes its refresh token
    Then the bank confirms the revocation with 200
    When the TPP refreshes the access token
    Then the token endpoint refuses it with 400
