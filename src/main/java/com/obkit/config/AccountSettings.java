package com.obkit.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where sandbox test accounts come from (contract section 7): the reference sandbox's API, or
 * accounts made in the bank's API Test Client and listed in the configuration.
 *
 * @param source the source
 * @param configured accounts from {@code kit.accounts} ({@code [tenant:]IBAN:digipass}, separated
 *     by {@code ;})
 */
public record AccountSettings(Source source, List<ConfiguredAccount> configured) {

  /** The country of each tenant's accounts (contract section 1). */
  private static final Map<String, String> TENANT_COUNTRY =
      Map.of("uk", "GB", "nl", "NL", "be_fr", "BE", "be_nl", "BE");

  public AccountSettings {
    Objects.requireNonNull(source, "source");
    configured = List.copyOf(configured);
  }

  /**
   * The configured accounts of one tenant, in configuration order.
   *
   * @param tenant one of the bank's tenants
   * @return its accounts, possibly none
   * @throws IllegalArgumentException for a name that is not a tenant (a typo would otherwise look
   *     like a tenant without accounts)
   */
  public List<ConfiguredAccount> forTenant(String tenant) {
    requireTenant(tenant);
    return configured.stream().filter(a -> a.tenant().equals(tenant)).toList();
  }

  /**
   * The one tenant whose accounts are in an IBAN's country.
   *
   * @param iban an IBAN (its first two letters are the country)
   * @return {@code nl} for NL, {@code uk} for GB
   * @throws IllegalArgumentException for a BE IBAN (two tenants: name one) or another country
   */
  public static String tenantOf(String iban) {
    String country = country(iban);
    List<String> fits =
        TENANT_COUNTRY.entrySet().stream()
            .filter(e -> e.getValue().equals(country))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (fits.isEmpty()) {
      throw new IllegalArgumentException(
          "IBAN "
              + iban
              + " is of country "
              + country
              + ", which is no tenant's (nl: NL, be_fr and be_nl: BE, uk: GB)");
    }
    if (fits.size() > 1) {
      throw new IllegalArgumentException(
          "IBAN "
              + iban
              + " is of country "
              + country
              + ", which tenants "
              + String.join(" and ", fits)
              + " share: name the tenant ("
              + String.join(":IBAN:digipass or ", fits)
              + ":IBAN:digipass)");
    }
    return fits.get(0);
  }

  private static String country(String iban) {
    if (iban.length() < 2
        || !Character.isUpperCase(iban.charAt(0))
        || !Character.isUpperCase(iban.charAt(1))) {
      throw new IllegalArgumentException(
          "IBAN " + iban + " does not start with its country code (two capital letters)");
    }
    return iban.substring(0, 2);
  }

  private static void requireTenant(String tenant) {
    if (!TENANT_COUNTRY.containsKey(tenant)) {
      throw new IllegalArgumentException(
          "unknown tenant '" + tenant + "' (the bank's tenants: " + KitConfig.KNOWN_TENANTS + ")");
    }
  }

  /** The account sources. */
  public enum Source {
    SANDBOX_API,
    CONFIG
  }

  /**
   * An account made outside the kit. Its IBAN is not checked here beyond its country: the kit
   * judges the bank's accounts by ACC-1, and a configuration error would hide a bank's bad IBAN.
   *
   * @param tenant the tenant the account belongs to; its country is the IBAN's
   * @param iban the IBAN, without spaces
   * @param digipass the digipass number (a secret: never in {@link #toString()})
   */
  public record ConfiguredAccount(String tenant, String iban, String digipass) {
    public ConfiguredAccount {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(iban, "iban");
      Objects.requireNonNull(digipass, "digipass");
      requireTenant(tenant);
      if (iban.isBlank() || digipass.isBlank()) {
        throw new IllegalArgumentException("an account needs an IBAN and a digipass number");
      }
      String country = country(iban);
      if (!TENANT_COUNTRY.get(tenant).equals(country)) {
        throw new IllegalArgumentException(
            "IBAN "
                + iban
                + " is of country "
                + country
                + " but tenant "
                + tenant
                + "'s accounts are of country "
                + TENANT_COUNTRY.get(tenant));
      }
    }

    @Override
    public String toString() {
      return "ConfiguredAccount[tenant=" + tenant + ", iban=" + iban + "]";
    }
  }
}
