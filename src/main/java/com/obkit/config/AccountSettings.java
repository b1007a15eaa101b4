package com.obkit.config;

import java.util.List;

/**
 * Where sandbox test accounts come from (contract section 7): the reference sandbox's API, or
 * accounts made in the bank's API Test Client and listed in the configuration.
 *
 * @param source the source
 * @param configured accounts from {@code kit.accounts} ({@code IBAN:digipass;IBAN:digipass})
 */
public record AccountSettings(Source source, List<ConfiguredAccount> configured) {

  public AccountSettings {
    configured = List.copyOf(configured);
  }

  /** The account sources. */
  public enum Source {
    SANDBOX_API,
    CONFIG
  }

  /**
   * An account made outside the kit.
   *
   * @param iban the IBAN
   * @param digipass the digipass number
   */
  public record ConfiguredAccount(String iban, String digipass) {
    @Override
    public String toString() {
      return "ConfiguredAccount[iban=" + iban + "]";
    }
  }
}
