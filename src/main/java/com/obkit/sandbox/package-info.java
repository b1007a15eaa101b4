/**
 * The embedded reference sandbox: the bank's side of the contract (onboarding, registration,
 * authorisation, test accounts, and the journey after them: consents, SCA at the reference login
 * page, tokens, confirmation, account reads, payments, revocation), strict and independent of the
 * kit. It has its own parsers for the Key Id, the organization identifier, the PSD2 roles, the
 * digest labels and the {@code Signature} header, written from the contract, so a misreading in the
 * kit cannot hide behind the same misreading here; and its deviations, each breaking one rule,
 * prove that the kit's checks can fail. Depends on no kit package (enforced by the architecture
 * test); the kit reaches it only through {@code com.obkit.sandbox.port}.
 */
package com.obkit.sandbox;
