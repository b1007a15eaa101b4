/**
 * Small named checks, one per assertion ({@code EnsureHttpStatus401}, {@code CheckTokenTypeIs},
 * {@code EnsureLoginPageShown}), in the style of the OpenID Foundation conformance suite. A {@link
 * com.obkit.checks.Check} only evaluates a subject (an {@code HttpExchange}, a certificate, a test
 * account) and says what is wrong; the caller names the rule and level through {@code
 * outcomes.Conformance}. Depends on client (exchanges), outcomes and Bouncy Castle; never on steps,
 * runtime, report or the sandbox.
 */
package com.obkit.checks;
