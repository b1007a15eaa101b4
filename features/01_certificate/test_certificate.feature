@stage:certificate @kit-self-check
Feature: The kit's test certificates (a self-check of the kit, not part of the bank's verdict)
  "Your eIDAS Organization Identifier is one of the mandatory fields that is requested when generating a
  test certificate." (the bank's registration page, step 1). The kit generates eIDAS test certificates of
  the ETSI profiles and keeps the Certificate, Private Key and Key Id the way the bank's test client hands
  them out. These scenarios check the kit's own generator: a failure is a kit error, never a bank rule.

  Scenario: A generated QSealC carries the organization identifier, the PSD2 roles and the NCA
    Given a TPP with organization identifier "PSDNL-DNB-R000123"
    When it generates a QSealC with the roles "PSP_AI, PSP_PI" and the NCA "De Nederlandsche Bank" "NL-DNB"
    Then the certificate carries the organization identifier "PSDNL-DNB-R000123"
    And its PSD2 statement names the roles "PSP_AI, PSP_PI" and the NCA "De Nederlandsche Bank" "NL-DNB"
    And its key usages are "digitalSignature, nonRepudiation"
    And its QC statements declare compliance and the type "eseal"
    And it is signed with SHA-256 and an RSA key of at least 2048 bits

  Scenario: A generated QWAC carries the organization identifier, TLS key usages and the web type
    Given a TPP with organization identifier "PSDES-BDE-3DFD21"
    When it generates a QWAC with the roles "PSP_AS, PSP_PI, PSP_AI, PSP_IC" and the NCA "Banco de Espana" "ES-BDE"
    Then the certificate carries the organization identifier "PSDES-BDE-3DFD21"
    And its PSD2 statement names the roles "PSP_AS, PSP_PI, PSP_AI, PSP_IC" and the NCA "Banco de Espana" "ES-BDE"
    And its key usages are "digitalSignature, keyEncipherment"
    And its extended key usages are "serverAuth, clientAuth"
    And its QC statements declare compliance and the type "web"
    And it is signed with SHA-256 and an RSA key of at least 2048 bits

  Scenario Outline: An organization identifier that does not follow ETSI TS 119 495 section 5.2.1 is refused: <why>
    When a TPP asks for a test certificate with organization identifier "<identifier>"
    Then the kit refuses it, naming the identifier "<identifier>" and ETSI TS 119 495 section 5.2.1

    Examples:
      | identifier            | why                              |
      | PSDNL-DNB-            | empty authorisation number       |
      | PSD-DNB-R000000       | no country code                  |
      | psdnl-dnb-r000000     | lower case prefix                |
      | PSDNL-D-R000000       | one-letter authority             |
      | PSDNL-DNBDNBDNB-R0000 | nine-letter authority            |
      | XYZNL-DNB-R000000     | wrong type prefix                |
      | PSDNLDNBR000000       | no separators                    |
      | PSDN1-DNB-R000000     | digit in the country code        |

  Scenario: The Key Id names the certificate's serial number and issuer
    Given a generated test certificate
    Then the Key Id is "SN=" followed by the serial number in lowercase hex and ",CA=" followed by the issuer

  Scenario: The Certificate, Private Key and Key Id are kept as the bank's test client hands them out
    Given a generated test certificate
    When it saves its credentials
    Then the certificate, the private key and the Key Id are written and load back as the same
    And the private key file is readable by its owner only
