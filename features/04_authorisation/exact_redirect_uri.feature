@stage:authorisation
Feature: Redirect URIs must match exactly
  "The Authorisation process requires that you provide a redirect URI with each authorisation request.
  This redirect URI must exactly match one of your pre-registered redirect URIs." (the bank's
  registration page). Simple string comparison, no normalisation (RFC 9700 section 2.1).

  Background:
    Given a TPP with a generated test certificate
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
  Scenario Outline: A redirect URI that is not exactly the registered one is refused: <variant>
    When the PSU is sent to the authorisation endpoint with the redirect URI "<uri>"
    Then the bank shows an error page and does not redirect to "<uri>"

    Examples:
      | variant                        | uri                                                     |
      | trailing slash added           | https://tpp.example/cb/return/?flow=ais                 |
      | trailing slash removed         | https://tpp.example/app                                 |
      | trailing path segment removed  | https://tpp.example/cb?flow=ais                         |
      | extra path segment             | https://tpp.example/cb/return/x7Kq2?flow=ais            |
      | query removed                  | https://tpp.example/cb/return                           |
      | query changed                  | https://tpp.example/cb/return?flow=pis                  |
      | query added                    | https://tpp.example/cb/return?flow=ais&next=evil        |
      | fragment added                 | https://tpp.example/cb/return?flow=ais#x                |
      | http instead of https          | http://tpp.example/cb/return?flow=ais                   |
      | host in other case             | https://TPP.example/cb/return?flow=ais                  |
      | explicit default port          | https://tpp.example:443/cb/return?flow=ais              |
      | other port                     | https://tpp.example:8443/cb/return?flow=ais             |
      | extra subdomain                | https://evil.tpp.example/cb/return?flow=ais             |
      | userinfo trick                 | https://tpp.example@evil.example/cb/return?flow=ais     |
      | percent-encoded path character | https://tpp.example/c%62/return?flow=ais                |
      | last character removed         | https://tpp.example/cb/return?flow=ai                   |

  @AUTH-4 @ERR-1 @must
  Scenario: An unknown client_id is refused without a redirect
    When the PSU is sent to the authorisation endpoint with an unknown client_id
    Then the bank shows an error page and does not redirect to "https://tpp.example/cb/return?flow=ais"

  @AUTH-5 @should
  Scenario Outline: An authorisation request without S256 PKCE is refused: <pkce>
    When the PSU is sent to the authorisation endpoint with <pkce>
    Then the bank refuses the authorisation request

    Examples:
      | pkce                      |
      | no code challenge         |
      | the "plain" PKCE method   |
