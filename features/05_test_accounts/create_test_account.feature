@stage:test-accounts
Feature: Create a test account in the sandbox
  "Please make a note of the generated IBAN and digipass number. Use the IBAN to initiate payment and
  account requests. The digipass number is required to authorise the request." (the bank's registration
  page, step 3)

  Background:
    Given a TPP with its test certificate

  @ACC-1 @ACC-2 @must
  Scenario Outline: A test account in tenant <tenant> has a valid IBAN of the bank and a digipass number
    When the TPP creates a test account in the tenant "<tenant>"
    Then the account has a valid IBAN of the tenant's country with the bank's code
    And the account has a digipass number

    Examples:
      | tenant |
      | nl     |
      | be_fr  |
      | be_nl  |
      | uk     |

  @ACC-2 @must
  Scenario Outline: Every test account in tenant <tenant> is new
    When the TPP creates two test accounts in the tenant "<tenant>"
    Then the two accounts have different IBANs

    Examples:
      | tenant |
      | nl     |
      | be_fr  |
      | be_nl  |
      | uk     |

  @ACC-3 @SIG-1 @ERR-1 @must
  Scenario Outline: An unsigned test account request in tenant <tenant> is refused
    When the TPP creates a test account in the tenant "<tenant>" with no Signature header
    Then the bank refuses it with 401 and the Berlin Group code "SIGNATURE_MISSING"

    Examples:
      | tenant |
      | nl     |
      | be_fr  |
      | be_nl  |
      | uk     |

  @ACC-3 @ERR-1 @must
  Scenario: Test accounts are refused outside the sandbox
    Given the bank under test is a production environment
    When the TPP asks a production environment for a test account
    Then the bank refuses it without creating an account
