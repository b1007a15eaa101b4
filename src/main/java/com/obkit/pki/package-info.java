/**
 * Test certificates: an in-memory test CA, the QSealC, QWAC and sandbox profiles (organization
 * identifier, PSD2 QC statement, key usages), the Key Id, and PEM / PKCS#12 reading and writing.
 * Bouncy Castle only; depends on no other kit package.
 */
package com.obkit.pki;
