/**
 * The TPP side of every call: {@link com.obkit.client.BankClient} builds one REST Assured request
 * spec per call with the cross-cutting filters (signing, the redacting Allure attachment), the
 * transport (TLS, mutual TLS, timeouts), the request values (registration, authorisation, the
 * redirect URI near misses, and for the journey after onboarding the consent, payment, token and
 * account-read requests) and the run-wide secret registry that scrubs every output. Returns what
 * the bank said and never judges it. Depends on config, pki, signing and outcomes (environment
 * faults).
 */
package com.obkit.client;
