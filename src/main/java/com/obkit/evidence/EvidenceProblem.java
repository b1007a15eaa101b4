package com.obkit.evidence;

import java.util.Objects;

/**
 * Why a bundle does not verify: its {@link Kind} (what {@code kit verify} and the tests decide on)
 * and a message naming the entry, the signature or the expectation that does not hold.
 */
public final class EvidenceProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What does not hold, in the order {@link BundleVerifier} checks. */
  public enum Kind {
    /** No manifest, or one that cannot be read. */
    NOT_A_BUNDLE,
    /** An entry the manifest lists is missing. */
    REMOVED_ENTRY,
    /** An entry's bytes do not match its SHA-256 in the manifest. */
    CHANGED_ENTRY,
    /** The zip holds an entry the manifest does not list. */
    ADDED_ENTRY,
    /** The bundle has no signature. */
    NOT_SIGNED,
    /** The signature is not CMS, or does not verify over the manifest. */
    SIGNATURE_INVALID,
    /** The signature verifies, but with another certificate than the one the manifest names. */
    OTHER_SIGNER,
    /** The signer's certificate does not chain to the CA given with {@code --ca}. */
    UNTRUSTED_SIGNER,
    /** The signer's organization id is not the one given with {@code --organization-id}. */
    OTHER_ORGANIZATION
  }

  private final Kind kind;

  public EvidenceProblem(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
