package com.obkit.psu;

import com.obkit.client.ScaOutcome;

/**
 * Plays the PSU at the bank: takes the PSU's browser from the {@code scaRedirect} link through the
 * bank's authentication until the bank sends it back to the TPP (contract section 11).
 * Implementations are safe for use by several scenarios at once.
 */
public interface PsuDriver {

  /**
   * Takes the PSU through SCA.
   *
   * @param request where to start (the {@code scaRedirect} link, with {@code state} and PKCE
   *     already appended), the TPP's redirect URI, the PSU and what the PSU does
   * @return the exchanges the kit saw and, if the bank sent the browser back to the redirect URI,
   *     where it landed; what the bank did is never judged here, and a bank that keeps the browser
   *     is an outcome, not an exception
   * @throws com.obkit.outcomes.EnvironmentFault when the bank cannot be reached, or no answer came
   *     in time (the run is then inconclusive)
   */
  ScaOutcome authorise(ScaRequest request);
}
