/**
 * The PSU's part of strong customer authentication (contract section 11), chosen by configuration
 * ({@code kit.psu.driver}): {@link com.obkit.psu.FormPsuDriver} fills in the bank's login form
 * through the PSU's {@link com.obkit.psu.Browser} (the embedded sandbox and any bank serving the
 * reference login page); {@link com.obkit.psu.ManualPsuDriver} asks a person at a browser and waits
 * for the bank to send the browser back (a bank whose login page is not documented). Either way the
 * result is a {@link com.obkit.client.ScaOutcome}, which the checks judge: a driver never decides
 * whether the bank behaved. Depends on client (its records and the secret registry), config and
 * outcomes (environment faults), and on nothing else of the kit.
 */
package com.obkit.psu;
