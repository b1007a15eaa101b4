package com.obkit.config;

import com.obkit.pki.OrganizationId;
import com.obkit.signing.DigestAlgorithm;
import com.obkit.signing.SigningProfile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * @param parallelism how many scenarios run at once
 * @param reports where reports are written
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
    Path reports) {

  /** The bank's tenants (contract section 1, OAS enum). */
  public static final List<String> KNOWN_TENANTS = List.of("uk", "nl", "be_fr", "be_nl");

  private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m|h)$");

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

  /** Loads from this JVM's system properties and environment. */
  public static KitConfig load() {
    Map<String, String> sys = new java.util.HashMap<>();
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
              mutualTls());
      SandboxSettings sandbox =
          new SandboxSettings(
              value(KitKeys.SANDBOX_TOKEN_LIFETIME, this::positiveDuration),
              value(KitKeys.SANDBOX_LATENCY, this::duration),
              optional(KitKeys.SANDBOX_DEVIATIONS, v -> (Set<String>) new LinkedHashSet<>(list(v)))
                  .orElse(Set.of()));
      int parallelism = value(KitKeys.PARALLELISM, v -> intInRange(v, 1, 64));
      Path reports = value(KitKeys.REPORTS, Path::of);
      return new KitConfig(
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
          reports);
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
          && configured.size() < 2) {
        throw new ConfigException(
            "kit.accounts.source=config needs at least two accounts in '"
                + KitKeys.ACCOUNTS
                + "' (IBAN:digipass;IBAN:digipass), from "
                + layers
                    .get(KitKeys.ACCOUNTS)
                    .map(ConfigLayers.Value::source)
                    .orElse("nowhere: the key is not set"));
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

    private static boolean isSecretKey(String key) {
      return key.toLowerCase(Locale.ROOT).contains("password");
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

    private Duration positiveDuration(String v) {
      Duration d = duration(v);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("must be greater than zero");
      }
      return d;
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

    private List<AccountSettings.ConfiguredAccount> accountList(String v) {
      List<AccountSettings.ConfiguredAccount> out = new ArrayList<>();
      for (String item : v.split(";")) {
        String[] parts = item.trim().split(":");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          throw new IllegalArgumentException("each account is IBAN:digipass, separated by ';'");
        }
        out.add(new AccountSettings.ConfiguredAccount(parts[0].replace(" ", ""), parts[1].trim()));
      }
      return out;
    }
  }
}
