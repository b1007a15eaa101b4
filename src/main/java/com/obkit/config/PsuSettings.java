package com.obkit.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the PSU's part of SCA is done, and the settings of the journey around it (contract sections 9
 * to 11): who plays the PSU at the bank, how the scripted PSU reads the bank's login page, how long
 * a person is given, the PSU's IP address the kit sends, the pause between creating a consent and
 * opening its link, and whether the kit may spend a shared bank's daily budget of reads made
 * without the PSU.
 *
 * @param driver {@code kit.psu.driver}: who plays the PSU at the bank
 * @param form {@code kit.psu.form.*}: how the scripted PSU reads and fills the login page
 * @param manualTimeout {@code kit.psu.manual.timeout}: how long a person at a browser is given to
 *     finish SCA before the run is inconclusive
 * @param ipAddress {@code kit.psu.ipAddress}: the {@code PSU-IP-Address} sent (an IPv4 or IPv6
 *     literal, as the header carries it)
 * @param settleDelay {@code kit.sca.settleDelay}: waited after creating a consent (or payment)
 *     before its {@code scaRedirect} is opened (contract section 11: about 1 s); zero for none
 * @param spendBudget {@code kit.budget.spend}: whether scenarios that spend a shared bank's daily
 *     budget of unattended reads (AIS-5) may run against a bank other than the embedded sandbox
 */
public record PsuSettings(
    Driver driver,
    FormPage form,
    Duration manualTimeout,
    String ipAddress,
    Duration settleDelay,
    boolean spendBudget) {

  /** Who plays the PSU at the bank ({@code kit.psu.driver}). */
  public enum Driver {
    /**
     * The kit fills in the bank's login form itself: the embedded sandbox, and any bank serving the
     * reference login page (contract section 11).
     */
    FORM,
    /**
     * A person at a browser (self-certification), for a bank whose login page is not documented,
     * such as the bank's own sandbox.
     */
    MANUAL
  }

  public PsuSettings {
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(manualTimeout, "manualTimeout");
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(settleDelay, "settleDelay");
    if (manualTimeout.isZero() || manualTimeout.isNegative()) {
      throw new IllegalArgumentException("the manual timeout must be greater than zero");
    }
    if (settleDelay.isNegative()) {
      throw new IllegalArgumentException("the settle delay must not be negative");
    }
    if (!IpLiteral.isIpLiteral(ipAddress)) {
      throw new IllegalArgumentException(
          "'" + ipAddress + "' is not an IPv4 or IPv6 address literal");
    }
  }

  /**
   * How the scripted PSU recognises and fills in the bank's login page ({@code kit.psu.form.*});
   * the defaults are the reference login page's (contract section 11).
   *
   * @param loginUrlPattern {@code kit.psu.form.loginUrlPattern}: a regular expression found in the
   *     URL of the login page (anchor it with {@code ^} and {@code $} to match the whole URL);
   *     empty: the login page is recognised by its form alone
   * @param ibanField the name of the form's IBAN field
   * @param digipassField the name of the form's digipass field (it identifies the login form)
   * @param actionField the name of the submit button
   * @param loginValue the submit button's value that logs in
   * @param cancelValue the submit button's value that cancels
   */
  public record FormPage(
      Optional<String> loginUrlPattern,
      String ibanField,
      String digipassField,
      String actionField,
      String loginValue,
      String cancelValue) {

    /** The reference login page's URL: {@code /auth/<tenant>/v1/login}, with or without query. */
    public static final String REFERENCE_LOGIN_URL = "/auth/[^/?#]+/v1/login(?:[?#]|$)";

    public FormPage {
      Objects.requireNonNull(loginUrlPattern, "loginUrlPattern");
      loginUrlPattern.ifPresent(FormPage::compile);
      requireName(ibanField, "ibanField");
      requireName(digipassField, "digipassField");
      requireName(actionField, "actionField");
      requireName(loginValue, "loginValue");
      requireName(cancelValue, "cancelValue");
      if (ibanField.equals(digipassField)
          || ibanField.equals(actionField)
          || digipassField.equals(actionField)) {
        throw new IllegalArgumentException(
            "the IBAN, digipass and action fields must have different names");
      }
      if (loginValue.equals(cancelValue)) {
        throw new IllegalArgumentException("the login and cancel values must differ");
      }
    }

    /** The reference login page of contract section 11. */
    public static FormPage reference() {
      return new FormPage(
          Optional.of(REFERENCE_LOGIN_URL), "iban", "digipass", "action", "login", "cancel");
    }

    /** The login URL pattern, compiled, if one is configured. */
    public Optional<Pattern> loginUrl() {
      return loginUrlPattern.map(FormPage::compile);
    }

    /**
     * Compiles a login URL pattern.
     *
     * @throws IllegalArgumentException with a one-line reason when it is no regular expression
     */
    static Pattern compile(String regex) {
      try {
        return Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "not a regular expression: " + e.getDescription() + " near index " + e.getIndex(), e);
      }
    }

    private static void requireName(String value, String what) {
      Objects.requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
    }
  }

  /**
   * Address literals told from their text alone: a lookup of a host name could hang or lie, and the
   * header carries an address, never a name.
   */
  static final class IpLiteral {
    private static final Pattern IPV4 =
        Pattern.compile(
            "^(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern HEX_GROUP = Pattern.compile("^[0-9A-Fa-f]{1,4}$");

    private IpLiteral() {}

    /**
     * Whether a text is an IPv4 literal (dotted quad, no leading zeros, which some parsers read as
     * octal) or an IPv6 literal (RFC 4291 2.2, without brackets or zone).
     */
    static boolean isIpLiteral(String text) {
      return IPV4.matcher(text).matches() || isIpv6(text);
    }

    private static boolean isIpv6(String text) {
      if (!text.contains(":")) {
        return false;
      }
      int compressed = text.indexOf("::");
      if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
        return false; // "::" at most once
      }
      int groups;
      if (compressed >= 0) {
        String head = text.substring(0, compressed);
        String tail = text.substring(compressed + 2);
        int h = head.isEmpty() ? 0 : countGroups(head, false);
        int t = tail.isEmpty() ? 0 : countGroups(tail, true);
        if (h < 0 || t < 0) {
          return false;
        }
        groups = h + t;
        return groups <= 7;
      }
      groups = countGroups(text, true);
      return groups == 8;
    }

    /**
     * The number of 16-bit groups in a colon-separated run (an embedded IPv4 address at the end
     * counts two), or -1 when malformed.
     */
    private static int countGroups(String run, boolean ipv4AtEnd) {
      String[] parts = run.split(":", -1);
      int groups = 0;
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i];
        if (ipv4AtEnd && i == parts.length - 1 && p.contains(".")) {
          if (!IPV4.matcher(p).matches()) {
            return -1;
          }
          groups += 2;
        } else if (HEX_GROUP.matcher(p).matches()) {
          groups++;
        } else {
          return -1;
        }
      }
      return groups;
    }
  }
}
