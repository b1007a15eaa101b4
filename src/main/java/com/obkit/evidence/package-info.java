/**
 * The evidence bundle a TPP hands its bank: {@code reports/evidence.zip}, holding a run's record,
 * verdict, rule table, masked exchanges and configuration, with a manifest of the SHA-256 of every
 * entry, signed with the TPP's QSealC as a detached CMS signature ({@code manifest.json.p7s}) when
 * the run used the TPP's own credentials. {@link com.obkit.evidence.EvidenceCollector} gathers the
 * entries from a reports folder, {@link com.obkit.evidence.EvidenceBundle} writes and reads the
 * zip, {@link com.obkit.evidence.ManifestSignature} signs and checks the manifest, and {@link
 * com.obkit.evidence.BundleVerifier} is what {@code kit verify} runs. Depends on config, pki and
 * report (the rule catalogue, the kit's version, the eligibility) and history (the run record).
 */
package com.obkit.evidence;
