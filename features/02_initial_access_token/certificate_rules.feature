@stage:initial-access-token
Feature: The bank accepts only valid eIDAS test certificates
  The onboarding call is where the bank first sees the TPP's certificate (contract section 3). Each
  scenario sends a correctly signed request whose certificate has one defect.

  @CERT-1 @TOK-2 @ERR-1 @must
  Scenario Outline: A certificate without a valid organization identifier is refused: <defect>
    Given a TPP whose test certificate has <defect>
    When the TPP requests an initial access token
    Then the bank refuses it with 401 and the Berlin Group code "CERTIFICATE_INVALID"

    Examples:
      | defect                                                  |
      | no organization identifier                              |
      | the organization identifier "PSDNL-DNB-"                |
      | the organization identifier "NTRNL-12345678"            |

  @CERT-2 @TOK-2 @ERR-1 @must
  Scenario Outline: A certificate outside its validity is refused: <defect>
    Given a TPP whose test certificate has <defect>
    When the TPP requests an initial access token
    Then the bank refuses it with 401 and the Berlin Group code "CERTIFICATE_EXPIRED" or "CERTIFICATE_INVALID"

    Examples:
      | defect                 |
      | expired                |
      | not yet become valid   |

  @CERT-4 @must
  Scenario: Registering a new certificate revokes the previous one
    Given a TPP with its test certificate
    And the TPP has registered the redirect URI "https://tpp.example/cb"
    When the TPP registers a new certificate for the same organization identifier
    And the previous certificate requests an initial access token
    Then the new certificate got an initial access token
    And the bank refuses it with 401 and the Berlin Group code "CERTIFICATE_REVOKED"

  @CERT-5 @ERR-1 @should
  Scenario Outline: A certificate whose PSD2 roles do not allow the service is refused: <defect>
    Given a TPP whose test certificate has <defect>
    When the TPP requests an initial access token
    Then the bank refuses it with 401 and the Berlin Group code "ROLE_INVALID"

    Examples:
      | defect                        |
      | no PSD2 statement             |
      | only the role PSP_AS          |
