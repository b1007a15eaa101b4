@stage:authorisation
Feature: Redirect URIs must match exactly
  "The Authorisation process requires that you provide a redirect URI with each authorisation request.
  This redirect URI must exactly match one of your pre-registered redirect URIs." (the bank's
  registration page). Simple string comparison, no normalisation (RFC 9700 section 2.1).

  Background:
    Given a TPP with its test certificate
    And the TPP has registered the redirect URIs "https://tpp.example/cb/return?flow=ais, https://tpp.example/app/"

  @AUTH-1 @must
  Scenario Outline: Positive control: a registered redirect URI goes on to the bank's login page: <uri>
    When the PSU is sent to the authorisation endpoint with the redirect URI "<uri>"
    Then the browser goes on to the bank's login page, not back to the TPP

    Examples:
      | uri                                    |
      | https://tpp.example/cb/return?flow=ais |
      | https://tpp.example/app/               |

  @AUTH-2 @ERR-1 @must
  Scenario Outline: A redirect URI that is not exactly a registered one is refused: <variant>
    When the PSU is sent to the authorisation endpoint with a registered redirect URI, <variant>
    Then the bank shows an error page and does not redirect to that redirect URI

    Examples:
      | variant                        |
      | trailing slash added           |
      | trailing slash removed         |
      | trailing path segment removed  |
      | extra path segment             |
      | query removed                  |
      | query changed                  |
      | query added                    |
      | fragment added                 |
      | http instead of https          |
      | host in other case             |
      | explicit default port          |
      | other port                     |
      | extra subdomain                |
      | userinfo trick                 |
      | percent-encoded path character |
      | last character removed         |

  @AUTH-4 @ERR-1 @must
  Scenario: An unknown client_id is refused without a redirect
    When the PSU is sent to the authorisation endpoint with an unknown client_id
    Then the bank shows an error page and does not redirect to that redirect URI

  @AUTH-5 @should
  Scenario Outline: An authorisation request without S256 PKCE is refused: <pkce>
    When the PSU is sent to the authorisation endpoint with <pkce>
    Then the bank refuses the authorisation request

    Examples:
      | pkce                      |
      | no code challenge         |
      | the "plain" PKCE method   |
