package com.obkit.config;

import com.obkit.pki.OrganizationId;
import com.obkit.signing.DigestAlgorithm;
import com.obkit.signing.SigningProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kit's immutable configuration, loaded in layers (built-in defaults, {@code
 * env/<kit.env>.properties}, system properties, environment variables) and validated completely
 * before any request: a bad value fails with a {@link ConfigException} naming the key and where the
 * value came from.
 *
 * @param env the profile name ({@code local}, {@code sandbox}, {@code production}, ...)
 * @param baseUrl the bank's API base URL; empty: start the embedded reference sandbox
 * @param authBaseUrl where the PSU's browser is sent; defaults to {@code baseUrl}
 * @param tenant the tenant of single-tenant scenarios
 * @param bankMode whether the bank is a sandbox or production
 * @param bank the bank profile of contract section 9
 * @param credentials where the TPP's certificates come from
 * @param organizationId the organization id of file-based credentials (generated ones get a fresh
 *     id per scenario)
 * @param accounts where sandbox test accounts come from
 * @param http transport settings
 * @param sandbox embedded reference sandbox settings
 * @param parallelism how many scenarios run at once; 1 with the TPP's own identity ({@link
 *     #ownIdentity()}), whose scenarios share one registration
 * @param reports where reports are written
 * @param registration {@code kit.registration.keepRedirectUris}, {@code
 *     kit.registration.testRedirectUris}, {@code kit.registration.secretOut}, {@code
 *     kit.production.allowRegistration}: what the kit may do to the TPP's registration; the URIs to
 *     keep are required with the TPP's own identity
 * @param clientId {@code kit.clientId}: the TPP's registered {@code client_id}, used read-only in
 *     production
 * @param productionConfirmed {@code kit.production.confirm}: the user confirmed a run against
 *     production (the launcher enforces it, after printing what the run would do)
 * @param psu {@code kit.psu.*}, {@code kit.sca.settleDelay}, {@code kit.budget.spend}: how the
 *     PSU's part of SCA is done and the journey around it (contract sections 9 to 11)
 * @param nightly {@code kit.history*}, {@code kit.waivers}, {@code kit.failOn}, {@code
 *     kit.identities}, {@code kit.openapi.*}: what a run keeps and compares across runs
 * @param settings every key that has a value, with the layer it came from and secrets masked: what
 *     a run's evidence shows of its configuration
 */
public record KitConfig(
    String env,
    Optional<URI> baseUrl,
    Optional<URI> authBaseUrl,
    String tenant,
    BankMode bankMode,
    BankProfile bank,
    CredentialSettings credentials,
    Optional<OrganizationId> organizationId,
    AccountSettings accounts,
    HttpSettings http,
    SandboxSettings sandbox,
    int parallelism,
    Path reports,
    RegistrationSettings registration,
    Optional<String> clientId,
    boolean productionConfirmed,
    PsuSettings psu,
    NightlySettings nightly,
    List<Setting> settings) {

  /** The bank's tenants (contract section 1, OAS enum). */
  public static final List<String> KNOWN_TENANTS = List.of("uk", "nl", "be_fr", "be_nl");

  private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m|h)$");

  private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})(\\.\\d{1,3}){3}$");

  /** The API Test Client's default redirect URI (contract section 5, DOC), for messages. */
  private static final String TEST_CLIENT_REDIRECT_URI =
      "https://xs2a-sandbox.triodos.com/xs2a-bg/internalonly/consentFlowPage2.html";

  public KitConfig {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(authBaseUrl, "authBaseUrl");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(bankMode, "bankMode");
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(psu, "psu");
    Objects.requireNonNull(nightly, "nightly");
    settings = List.copyOf(settings);
  }

  /**
   * One configured key as a run's evidence shows it.
   *
   * @param key the {@code kit.*} key
   * @param value its value, {@code ****} for a password or the test accounts' digipass numbers
   * @param source the layer it came from ({@code env/sandbox.properties}, {@code system property
   *     -Dkit.tenant}, ...)
   */
  public record Setting(String key, String value, String source) {
    public Setting {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * The bank profile: everything that varies between banks and environments (contract section 9).
   *
   * @param onboardingPath the onboarding path, with {@code {tenant}}
   * @param signing algorithm label, signed headers, digest algorithm
   * @param sendSslCertificate whether requests carry the {@code SSL-Certificate} header (sandbox)
   * @param registrationToken where the registration call carries the initial access token
   * @param signRegistration whether the registration call is signed
   */
  public record BankProfile(
      String onboardingPath,
      SigningProfile signing,
      boolean sendSslCertificate,
      TokenPlacement registrationToken,
      boolean signRegistration) {}

  /** Whether the kit starts the embedded reference sandbox (no {@code kit.baseUrl} given). */
  public boolean embedded() {
    return baseUrl.isEmpty();
  }

  /**
   * Whether scenarios that spend a shared bank's daily budget of unattended reads (AIS-5: at most
   * four a day per consent) may run: always against the embedded sandbox, whose budget is the run's
   * own; against any other bank only with {@code kit.budget.spend=true}.
   */
  public boolean maySpendReadBudget() {
    return embedded() || psu.spendBudget();
  }

  /**
   * Whether the kit acts as the TPP itself, with certificates from files ({@code pem} or {@code
   * pkcs12}): then every scenario shares the TPP's one registration, and a replay replaces its
   * redirect URIs (REG-2).
   */
  public boolean ownIdentity() {
    return credentials.source() != CredentialSettings.Source.GENERATED;
  }

  /**
   * Whether the run targets a real production bank: production mode and a {@code kit.baseUrl} whose
   * host is not the loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). The embedded
   * sandbox and a sandbox on this machine in production mode are not live.
   */
  public boolean targetsLiveProduction() {
    return bankMode == BankMode.PRODUCTION
        && baseUrl.isPresent()
        && !isLoopback(baseUrl.get().getHost());
  }

  /** Decided from the text alone: a DNS lookup could hang or lie, and must not decide this. */
  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true; // RFC 6761 6.3
    }
    Matcher v4 = IPV4.matcher(h);
    if (v4.matches()) {
      return Integer.parseInt(v4.group(1)) == 127;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      try {
        // An IPv6 literal is parsed, never looked up.
        return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /** Loads from this JVM's system properties and environment. */
  public static KitConfig load() {
    Map<String, String> sys = new HashMap<>();
    System.getProperties().forEach((k, v) -> sys.put(String.valueOf(k), String.valueOf(v)));
    return load(sys, System.getenv());
  }

  /** Loads from the given system properties and environment (tests pass their own). */
  public static KitConfig load(
      Map<String, String> systemProperties, Map<String, String> environment) {
    String envDir =
        Optional.ofNullable(environment.get(ConfigLayers.envName(KitKeys.ENV_DIR)))
            .or(() -> Optional.ofNullable(systemProperties.get(KitKeys.ENV_DIR)))
            .orElse(KitKeys.DEFAULTS.get(KitKeys.ENV_DIR));
    ConfigLayers layers =
        ConfigLayers.load(KitKeys.DEFAULTS, Path.of(envDir), systemProperties, environment);
    return new Parser(layers).parse();
  }

  /** Parses and validates layered values; every error names key and source. */
  private static final class Parser {
    private final ConfigLayers layers;

    Parser(ConfigLayers layers) {
      this.layers = layers;
    }

    KitConfig parse() {
      String env = layers.require(KitKeys.ENV).text();
      Optional<URI> baseUrl = optional(KitKeys.BASE_URL, this::httpUrl);
      Optional<URI> authBaseUrl = optional(KitKeys.AUTH_BASE_URL, this::httpUrl).or(() -> baseUrl);
      String tenant = value(KitKeys.TENANT, this::tenant);
      BankMode mode = value(KitKeys.BANK_MODE, v -> enumValue(BankMode.class, v));
      SigningProfile signing =
          new SigningProfile(
              value(KitKeys.SIGNATURE_ALGORITHM, Function.identity()),
              value(KitKeys.SIGNATURE_HEADERS, this::headerList),
              value(KitKeys.DIGEST_ALGORITHM, this::digest));
      BankProfile bank =
          new BankProfile(
              value(KitKeys.ONBOARDING_PATH, this::onboardingPath),
              signing,
              value(KitKeys.SEND_SSL_CERTIFICATE, this::bool),
              value(KitKeys.REGISTRATION_TOKEN, v -> enumValue(TokenPlacement.class, v)),
              value(KitKeys.REGISTRATION_SIGNED, this::bool));
      CredentialSettings credentials = credentials();
      Optional<OrganizationId> orgId = optional(KitKeys.ORGANIZATION_ID, OrganizationId::of);
      AccountSettings accounts = accounts(mode);
      HttpSettings http =
          new HttpSettings(
              value(KitKeys.CONNECT_TIMEOUT, this::positiveDuration),
              value(KitKeys.READ_TIMEOUT, this::positiveDuration),
              optional(KitKeys.TRUST_CERTIFICATE, this::readableFile),
              mutualTls(),
              value(KitKeys.HTTP_DEADLINE, this::positiveDuration),
              value(KitKeys.HTTP_MAX_RESPONSE_BYTES, this::byteSize),
              value(KitKeys.RETRY_ENVIRONMENT, v -> intInRange(v, 0, 5)),
              value(KitKeys.CIRCUIT_BREAKER, v -> intInRange(v, 1, 10_000)));
      SandboxSettings sandbox =
          new SandboxSettings(
              value(KitKeys.SANDBOX_TOKEN_LIFETIME, this::positiveDuration),
              value(KitKeys.SANDBOX_LATENCY, this::duration),
              optional(KitKeys.SANDBOX_DEVIATIONS, v -> (Set<String>) new LinkedHashSet<>(list(v)))
                  .orElse(Set.of()),
              value(KitKeys.SANDBOX_RELEASE, this::release));
      int parallelism = value(KitKeys.PARALLELISM, v -> intInRange(v, 1, 64));
      Path reports = value(KitKeys.REPORTS, Path::of);
      RegistrationSettings registration = registration(reports);
      Optional<String> clientId = optional(KitKeys.CLIENT_ID, this::clientId);
      boolean confirmed = value(KitKeys.PRODUCTION_CONFIRM, this::bool);
      PsuSettings psu = psu(baseUrl.isEmpty());
      NightlySettings nightly = nightly(env, tenant);
      KitConfig config =
          new KitConfig(
              env,
              baseUrl,
              authBaseUrl,
              tenant,
              mode,
              bank,
              credentials,
              orgId,
              accounts,
              http,
              sandbox,
              parallelism,
              reports,
              registration,
              clientId,
              confirmed,
              psu,
              nightly,
              settings());
      requireConsistent(config);
      return config;
    }

    /**
     * Rules across keys, checked once every value parsed (so that a malformed value is reported as
     * such first). {@code kit.production.confirm} is not one of them: the launcher enforces it,
     * after printing what the run would do.
     */
    private void requireConsistent(KitConfig c) {
      if (c.ownIdentity() && c.registration().keepRedirectUris().isEmpty()) {
        throw new ConfigException(
            "missing configuration key '"
                + KitKeys.REGISTRATION_KEEP_REDIRECT_URIS
                + "', required with "
                + layers.origin(KitKeys.CREDENTIALS_SOURCE)
                + ": the kit replays registrations with the TPP's own identity, which replaces the"
                + " client's redirect URIs (REG-2), and must restore exactly these URIs when it"
                + " ends (in the sandbox: the API Test Client's default "
                + TEST_CLIENT_REDIRECT_URI
                + "; in production: the live app's URIs); "
                + layers.howToSet(KitKeys.REGISTRATION_KEEP_REDIRECT_URIS));
      }
      if (c.ownIdentity() && c.parallelism() > 1) {
        throw new ConfigException(
            "bad value for '"
                + KitKeys.PARALLELISM
                + "': "
                + layers.origin(KitKeys.PARALLELISM)
                + " with "
                + layers.origin(KitKeys.CREDENTIALS_SOURCE)
                + ": the scenarios of one identity share one registration and would race (each"
                + " replay replaces the redirect URIs the others use); set "
                + KitKeys.PARALLELISM
                + "=1");
      }
      if (c.nightly().identities() == NightlySettings.Identities.POOL
          && c.nightly().history().isEmpty()) {
        throw new ConfigException(
            "conflicting values: "
                + layers.origin(KitKeys.IDENTITIES)
                + " and "
                + layers.origin(KitKeys.HISTORY)
                + ": the identity pool is kept in the history store ("
                + KitKeys.HISTORY
                + "/identities/); set "
                + KitKeys.HISTORY
                + " to a folder (empty: the default .obkit/history/<env>-<tenant>/) or "
                + KitKeys.IDENTITIES
                + "=fresh");
      }
      if (c.targetsLiveProduction() && c.http().mutualTls().isEmpty()) {
        throw new ConfigException(
            "missing configuration keys '"
                + KitKeys.MTLS_CERTIFICATE
                + "' and '"
                + KitKeys.MTLS_PRIVATE_KEY
                + "', required with "
                + layers.origin(KitKeys.BANK_MODE)
                + " and "
                + layers.origin(KitKeys.BASE_URL)
                + ": production requires mutual TLS with the TPP's QWAC (contract section 1); set"
                + " them as environment variables "
                + ConfigLayers.envName(KitKeys.MTLS_CERTIFICATE)
                + " and "
                + ConfigLayers.envName(KitKeys.MTLS_PRIVATE_KEY));
      }
    }

    /**
     * {@code kit.psu.*}, {@code kit.sca.settleDelay} and {@code kit.budget.spend}. The settle delay
     * defaults to none against the embedded sandbox (which needs none, and runs many scenarios) and
     * to 1 s against any other bank (contract section 11).
     */
    private PsuSettings psu(boolean embedded) {
      PsuSettings.Driver driver =
          value(KitKeys.PSU_DRIVER, v -> enumValue(PsuSettings.Driver.class, v));
      Optional<String> loginUrl =
          optional(
              KitKeys.PSU_FORM_LOGIN_URL_PATTERN, v -> PsuSettings.FormPage.compile(v).pattern());
      String iban = value(KitKeys.PSU_FORM_IBAN_FIELD, Function.identity());
      String digipass = value(KitKeys.PSU_FORM_DIGIPASS_FIELD, Function.identity());
      String action = value(KitKeys.PSU_FORM_ACTION_FIELD, Function.identity());
      String login = value(KitKeys.PSU_FORM_LOGIN_VALUE, Function.identity());
      String cancel = value(KitKeys.PSU_FORM_CANCEL_VALUE, Function.identity());
      requireDifferent(
          KitKeys.PSU_FORM_IBAN_FIELD,
          KitKeys.PSU_FORM_DIGIPASS_FIELD,
          "the login form's IBAN, digipass and action fields each need a name of their own");
      requireDifferent(
          KitKeys.PSU_FORM_IBAN_FIELD,
          KitKeys.PSU_FORM_ACTION_FIELD,
          "the login form's IBAN, digipass and action fields each need a name of their own");
      requireDifferent(
          KitKeys.PSU_FORM_DIGIPASS_FIELD,
          KitKeys.PSU_FORM_ACTION_FIELD,
          "the login form's IBAN, digipass and action fields each need a name of their own");
      requireDifferent(
          KitKeys.PSU_FORM_LOGIN_VALUE,
          KitKeys.PSU_FORM_CANCEL_VALUE,
          "logging in and cancelling must send different values");
      PsuSettings.FormPage form =
          new PsuSettings.FormPage(loginUrl, iban, digipass, action, login, cancel);
      Duration settle =
          optional(KitKeys.SCA_SETTLE_DELAY, this::nonNegativeDuration)
              .orElse(embedded ? Duration.ZERO : Duration.ofSeconds(1));
      return new PsuSettings(
          driver,
          form,
          value(KitKeys.PSU_MANUAL_TIMEOUT, this::positiveDuration),
          value(KitKeys.PSU_IP_ADDRESS, this::ipAddress),
          settle,
          value(KitKeys.BUDGET_SPEND, this::bool));
    }

    /** Two keys that must not have the same value; the message names both and their sources. */
    private void requireDifferent(String key, String otherKey, String why) {
      String a = layers.require(key).text();
      String b = layers.require(otherKey).text();
      if (a.equals(b)) {
        throw new ConfigException(
            "conflicting values: "
                + layers.origin(key)
                + " and "
                + layers.origin(otherKey)
                + " are the same: "
                + why);
      }
    }

    private String ipAddress(String v) {
      if (!PsuSettings.IpLiteral.isIpLiteral(v)) {
        throw new IllegalArgumentException(
            "not an IPv4 or IPv6 address literal (examples: 192.0.2.10, 2001:db8::10)");
      }
      return v;
    }

    private RegistrationSettings registration(Path reports) {
      List<String> keep =
          optional(KitKeys.REGISTRATION_KEEP_REDIRECT_URIS, this::redirectUris).orElse(List.of());
      List<String> test =
          optional(KitKeys.REGISTRATION_TEST_REDIRECT_URIS, this::redirectUris).orElse(List.of());
      Optional<Path> secretOut =
          optional(KitKeys.REGISTRATION_SECRET_OUT, v -> secretFile(v, reports));
      return new RegistrationSettings(
          keep, test, secretOut, value(KitKeys.PRODUCTION_ALLOW_REGISTRATION, this::bool));
    }

    private List<String> redirectUris(String v) {
      // Checked here too (the record checks again) so that the message names the key.
      return RegistrationSettings.checkedUris(list(v));
    }

    /**
     * The file for the current {@code client_secret}: its directory must exist (the kit creates no
     * directories for a secret), and it must lie outside the reports folder, which is published.
     */
    private Path secretFile(String v, Path reports) {
      Path file = Path.of(v).toAbsolutePath().normalize();
      Path dir = file.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("directory " + dir + " does not exist");
      }
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException(file + " is a directory, not a file");
      }
      if (realPath(file).startsWith(realPath(reports))) {
        throw new IllegalArgumentException(
            "it is inside the reports folder "
                + reports.toAbsolutePath().normalize()
                + " ('"
                + KitKeys.REPORTS
                + "'), which is published: a client_secret must not be");
      }
      return Path.of(v);
    }

    /** Symbolic links resolved as far as the path exists, so a link cannot hide the reports. */
    private static Path realPath(Path p) {
      Path absolute = p.toAbsolutePath().normalize();
      Path existing = absolute;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing == null) {
        return absolute;
      }
      try {
        return existing.toRealPath().resolve(existing.relativize(absolute));
      } catch (IOException e) {
        return absolute;
      }
    }

    private String clientId(String v) {
      if (v.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a client_id has no whitespace");
      }
      return v;
    }

    private CredentialSettings credentials() {
      CredentialSettings.Source source =
          value(KitKeys.CREDENTIALS_SOURCE, v -> enumValue(CredentialSettings.Source.class, v));
      Optional<Path> cert = optional(KitKeys.CREDENTIALS_CERTIFICATE, this::readableFile);
      Optional<Path> key = optional(KitKeys.CREDENTIALS_PRIVATE_KEY, this::readableFile);
      Optional<Path> p12 = optional(KitKeys.CREDENTIALS_PKCS12, this::readableFile);
      Optional<Secret> p12Password = optional(KitKeys.CREDENTIALS_PKCS12_PASSWORD, Secret::new);
      switch (source) {
        case PEM -> {
          layers.require(KitKeys.CREDENTIALS_CERTIFICATE);
          layers.require(KitKeys.CREDENTIALS_PRIVATE_KEY);
        }
        case PKCS12 -> {
          layers.require(KitKeys.CREDENTIALS_PKCS12);
          layers.require(KitKeys.CREDENTIALS_PKCS12_PASSWORD);
        }
        case GENERATED -> {}
      }
      if (source != CredentialSettings.Source.GENERATED) {
        layers.require(KitKeys.ORGANIZATION_ID);
      }
      return new CredentialSettings(
          source,
          cert,
          key,
          optional(KitKeys.CREDENTIALS_KEY_PASSWORD, Secret::new),
          p12,
          p12Password,
          optional(KitKeys.CREDENTIALS_ALIAS, Function.identity()));
    }

    /** Mutual TLS is on when a QWAC is configured; its key is then required too. */
    private Optional<HttpSettings.MutualTls> mutualTls() {
      Optional<Path> cert = optional(KitKeys.MTLS_CERTIFICATE, this::readableFile);
      if (cert.isEmpty()) {
        // A key alone means a forgotten certificate: without this the run would go without mTLS.
        if (layers.get(KitKeys.MTLS_PRIVATE_KEY).isPresent()) {
          throw new ConfigException(
              "missing configuration key '"
                  + KitKeys.MTLS_CERTIFICATE
                  + "', required with "
                  + layers.origin(KitKeys.MTLS_PRIVATE_KEY)
                  + " ("
                  + layers.howToSet(KitKeys.MTLS_CERTIFICATE)
                  + ")");
        }
        return Optional.empty();
      }
      layers.require(KitKeys.MTLS_PRIVATE_KEY);
      return Optional.of(
          new HttpSettings.MutualTls(
              cert.get(),
              value(KitKeys.MTLS_PRIVATE_KEY, this::readableFile),
              optional(KitKeys.MTLS_KEY_PASSWORD, Secret::new)));
    }

    private AccountSettings accounts(BankMode mode) {
      AccountSettings.Source source =
          value(KitKeys.ACCOUNTS_SOURCE, v -> enumValue(AccountSettings.Source.class, v));
      List<AccountSettings.ConfiguredAccount> configured =
          optional(KitKeys.ACCOUNTS, this::accountList).orElse(List.of());
      // Production has no test accounts (ACC-3): only a sandbox needs them listed.
      if (source == AccountSettings.Source.CONFIG
          && mode == BankMode.SANDBOX
          && configured.isEmpty()) {
        throw new ConfigException(
            "missing configuration key '"
                + KitKeys.ACCOUNTS
                + "': "
                + layers.origin(KitKeys.ACCOUNTS_SOURCE)
                + " in sandbox bank mode needs at least one account made in the bank's API Test"
                + " Client ([tenant:]IBAN:digipass;...); "
                + layers.howToSet(KitKeys.ACCOUNTS));
      }
      return new AccountSettings(source, configured);
    }

    private <T> T value(String key, Function<String, T> parse) {
      ConfigLayers.Value v = layers.require(key);
      return convert(key, v, parse);
    }

    private <T> Optional<T> optional(String key, Function<String, T> parse) {
      return layers.get(key).map(v -> convert(key, v, parse));
    }

    private <T> T convert(String key, ConfigLayers.Value v, Function<String, T> parse) {
      try {
        return parse.apply(v.text());
      } catch (ConfigException | IllegalArgumentException e) {
        String shown = isSecretKey(key) ? "****" : v.text();
        throw new ConfigException(
            "bad value for '"
                + key
                + "' from "
                + v.source()
                + ": '"
                + shown
                + "': "
                + e.getMessage(),
            e);
      }
    }

    /** Every key with a value, in {@link KitKeys#ALL}'s order, secrets masked. */
    private List<Setting> settings() {
      List<Setting> out = new ArrayList<>();
      for (String key : KitKeys.ALL) {
        layers
            .get(key)
            .ifPresent(
                v -> out.add(new Setting(key, isSecretKey(key) ? "****" : v.text(), v.source())));
      }
      return out;
    }

    /** Keys whose values never appear in messages: passwords, and digipass numbers. */
    private static boolean isSecretKey(String key) {
      return key.toLowerCase(Locale.ROOT).contains("password") || key.equals(KitKeys.ACCOUNTS);
    }

    private URI httpUrl(String v) {
      try {
        URI uri = new URI(v);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
          throw new IllegalArgumentException("not an absolute http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new IllegalArgumentException("a base URL takes no query or fragment");
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a URL (" + e.getReason() + ")", e);
      }
    }

    private String tenant(String v) {
      if (!KNOWN_TENANTS.contains(v)) {
        throw new IllegalArgumentException(
            "unknown tenant '" + v + "' (the bank's tenants: " + KNOWN_TENANTS + ")");
      }
      return v;
    }

    private List<String> headerList(String v) {
      List<String> headers =
          Arrays.stream(v.trim().split("\\s+")).map(h -> h.toLowerCase(Locale.ROOT)).toList();
      if (!headers.contains("digest")) {
        throw new IllegalArgumentException(
            "the signed header list must contain 'digest' (contract SIG-3)");
      }
      return headers;
    }

    private DigestAlgorithm digest(String v) {
      return DigestAlgorithm.byLabel(v)
          .orElseThrow(
              () -> new IllegalArgumentException("digest algorithm must be SHA-256 or SHA-512"));
    }

    private String onboardingPath(String v) {
      if (!v.startsWith("/") || !v.contains("{tenant}")) {
        throw new IllegalArgumentException("must be an absolute path containing {tenant}");
      }
      return v;
    }

    private boolean bool(String v) {
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> true;
        case "false", "no" -> false;
        default -> throw new IllegalArgumentException("expected true or false");
      };
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String v) {
      String name = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(name)) {
          return e;
        }
      }
      List<String> allowed = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      throw new IllegalArgumentException("expected one of " + allowed);
    }

    private Duration duration(String v) {
      Matcher m = DURATION.matcher(v.trim());
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      try {
        return Duration.parse(v.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration (examples: 500ms, 5s, 2m, PT5S)", e);
      }
    }

    private Duration nonNegativeDuration(String v) {
      Duration d = duration(v);
      if (d.isNegative()) {
        throw new IllegalArgumentException("must not be negative");
      }
      return d;
    }

    /** {@code kit.sandbox.release}: a release the embedded sandbox knows. */
    private String release(String v) {
      String value = v.trim();
      if (!value.equals("2026.1") && !value.equals("2026.2")) {
        throw new IllegalArgumentException("must be 2026.1 or 2026.2");
      }
      return value;
    }

    private Duration positiveDuration(String v) {
      Duration d = duration(v);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("must be greater than zero");
      }
      return d;
    }

    /**
     * {@code kit.history*}, {@code kit.waivers}, {@code kit.failOn}, {@code kit.identities}, {@code
     * kit.openapi.*}.
     */
    private NightlySettings nightly(String env, String tenant) {
      String historyValue = optional(KitKeys.HISTORY, String::trim).orElse("");
      Optional<Path> history =
          historyValue.equalsIgnoreCase("none")
              ? Optional.empty()
              : Optional.of(
                  historyValue.isEmpty()
                      ? Path.of(".obkit", "history", safeName(env) + "-" + tenant)
                      : Path.of(historyValue));
      return new NightlySettings(
          history,
          value(KitKeys.HISTORY_LIMIT, v -> intInRange(v, 1, 1000)),
          optional(KitKeys.WAIVERS, this::readableFile),
          value(KitKeys.FAIL_ON, v -> enumValue(NightlySettings.FailOn.class, v)),
          value(KitKeys.IDENTITIES, v -> enumValue(NightlySettings.Identities.class, v)),
          optional(KitKeys.OPENAPI_XS2A, this::documentSource),
          optional(KitKeys.OPENAPI_AUTH, this::documentSource),
          optional(KitKeys.TENANTS, v -> tenants(v, tenant)).orElse(List.of(tenant)));
    }

    /** {@code kit.tenants}: known tenants, without repeats, naming the run's own. */
    private List<String> tenants(String v, String runTenant) {
      List<String> list = new ArrayList<>();
      for (String t : v.split(",")) {
        String name = tenant(t.trim());
        if (list.contains(name)) {
          throw new IllegalArgumentException("names the tenant '" + name + "' twice");
        }
        list.add(name);
      }
      if (!list.contains(runTenant)) {
        throw new IllegalArgumentException(
            "does not name the run's own tenant (kit.tenant="
                + runTenant
                + "): a run covers its own tenant, so the TPP declares it");
      }
      return list;
    }

    /** A profile named by a path ({@code env/mybank.properties}) as one folder name. */
    private static String safeName(String env) {
      String name = Path.of(env).getFileName().toString().replaceFirst("\\.properties$", "");
      return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** An OpenAPI document's source: an http(s) URL, or a readable file. */
    private String documentSource(String v) {
      String s = v.trim();
      if (s.startsWith("http://") || s.startsWith("https://")) {
        return httpUrl(s).toString();
      }
      return readableFile(s).toString();
    }

    private static final Pattern BYTES =
        Pattern.compile("^(\\d+)\\s*(B|KiB|MiB|GiB)?$", Pattern.CASE_INSENSITIVE);

    /** A size: bytes, or with KiB, MiB or GiB; at least 1 KiB. */
    private long byteSize(String v) {
      Matcher m = BYTES.matcher(v.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a size (examples: 65536, 512KiB, 8MiB)");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
      long bytes =
          switch (unit) {
            case "kib" -> n << 10;
            case "mib" -> n << 20;
            case "gib" -> n << 30;
            default -> n;
          };
      if (bytes < 1024) {
        throw new IllegalArgumentException("must be at least 1KiB");
      }
      return bytes;
    }

    private int intInRange(String v, int min, int max) {
      try {
        int n = Integer.parseInt(v.trim());
        if (n < min || n > max) {
          throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a whole number", e);
      }
    }

    private Path readableFile(String v) {
      Path p = Path.of(v);
      if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
        throw new IllegalArgumentException(
            "file " + p.toAbsolutePath() + " does not exist or is not readable");
      }
      return p;
    }

    private List<String> list(String v) {
      return Arrays.stream(v.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * {@code [tenant:]IBAN:digipass} items separated by {@code ;}. Messages name an account by its
     * position and IBAN, never its digipass.
     */
    private List<AccountSettings.ConfiguredAccount> accountList(String v) {
      List<AccountSettings.ConfiguredAccount> out = new ArrayList<>();
      String[] items = v.split(";", -1);
      for (int i = 0; i < items.length; i++) {
        String item = items[i].trim();
        String[] parts = item.split(":", -1);
        String which = "account " + (i + 1) + " of " + items.length;
        boolean blank = Arrays.stream(parts).anyMatch(String::isBlank);
        if (item.isEmpty() || parts.length < 2 || parts.length > 3 || blank) {
          throw new IllegalArgumentException(
              which + ": each account is [tenant:]IBAN:digipass, separated by ';'");
        }
        String iban = parts[parts.length - 2].replace(" ", "");
        String digipass = parts[parts.length - 1].trim();
        try {
          String tenant = parts.length == 3 ? parts[0].trim() : AccountSettings.tenantOf(iban);
          out.add(new AccountSettings.ConfiguredAccount(tenant, iban, digipass));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
        }
      }
      return out;
    }
  }
}
