/**
 * One conformance run: the runtime shared by its scenarios (configuration, embedded reference
 * sandbox, test CA and key pool, TLS, secret registry), the TPP factory, and, with the TPP's own
 * identity, the ledger and restore of its registration. Depends on config, pki, client, signing and
 * the sandbox's start.
 */
package com.obkit.runtime;
