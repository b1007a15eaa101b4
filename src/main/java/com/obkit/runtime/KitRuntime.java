package com.obkit.runtime;

import com.obkit.client.BankClient;
import com.obkit.client.BankEndpoints;
import com.obkit.client.CircuitBreaker;
import com.obkit.client.SecretRegistry;
import com.obkit.client.Tpp;
import com.obkit.client.Transport;
import com.obkit.config.BankMode;
import com.obkit.config.ConfigException;
import com.obkit.config.CredentialSettings;
import com.obkit.config.KitConfig;
import com.obkit.config.NightlySettings;
import com.obkit.pki.CaResponder;
import com.obkit.pki.Certificates;
import com.obkit.pki.CredentialException;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.TestCa;
import com.obkit.sandbox.port.EmbeddedSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one conformance run shares: the configuration, the embedded reference sandbox (when no
 * {@code kit.baseUrl} is given), the test CA with its OCSP/CRL responder ({@link CaResponder}, on
 * 127.0.0.1 and an ephemeral port, named in the run's production-profile certificates and stopped
 * by {@link #close()}) and key pool, TLS trust, the bank's endpoints. Built once per run, before
 * any request, so that every configuration and credential error surfaces first; immutable
 * afterwards and safe to use from parallel scenarios.
 */
public final class KitRuntime implements AutoCloseable {

  /** Enough keys that parallel scenarios rarely share one; generation costs ~0.1-0.3 s each. */
  private static final int KEY_POOL_SIZE = 4;

  private final KitConfig config;
  private final Optional<EmbeddedSandbox> sandbox;
  private final CaResponder caResponder;
  private final BankEndpoints endpoints;
  private final Transport transport;
  private final TppFactory tpps;
  private final Optional<OwnRegistration> own;
  private final Thread restoreOnExit;
  private volatile Optional<OwnRegistration.Restoration> restoration = Optional.empty();
  private final SecretRegistry secrets;
  private final Preflight preflight;

  private KitRuntime(
      KitConfig config,
      Optional<EmbeddedSandbox> sandbox,
      CaResponder caResponder,
      BankEndpoints endpoints,
      Transport transport,
      TppFactory tpps,
      Optional<Tpp> configured,
      SecretRegistry secrets,
      Preflight preflight) {
    this.config = config;
    this.sandbox = sandbox;
    this.caResponder = caResponder;
    this.endpoints = endpoints;
    this.transport = transport;
    this.tpps = tpps;
    this.own =
        configured.map(
            tpp ->
                new OwnRegistration(
                    config,
                    tpp,
                    config.registration().keepRedirectUris(),
                    config.registration().secretOut(),
                    config.nightly().history().map(h -> h.resolve(OwnRegistration.RECORD)),
                    endpoints.version().resolve("/").toString()));
    // Ctrl-C (or any exit) before the run's end still restores the TPP's registration.
    this.restoreOnExit = new Thread(this::restore, "obkit-restore-registration");
    own.ifPresent(o -> Runtime.getRuntime().addShutdownHook(restoreOnExit));
    this.secrets = secrets;
    this.preflight = preflight;
  }

  /**
   * Validates credentials, starts the embedded sandbox if needed, and sets up TLS.
   *
   * @throws ConfigException for a bad key, file or certificate
   */
  public static KitRuntime start(KitConfig config) {
    if (config.targetsLiveProduction() && !config.productionConfirmed()) {
      throw new ConfigException(unconfirmedProduction(config));
    }
    Optional<Tpp> configured = configuredTpp(config);
    List<X509Certificate> trust = new ArrayList<>(trustedCertificates(config));
    KeyPool keys = new KeyPool(KEY_POOL_SIZE);
    Optional<IdentityPool> pool = identityPool(config, configured.isPresent());
    TestCa ca =
        pool.map(IdentityPool::ca)
            .orElseGet(
                () ->
                    TestCa.sandboxLike(
                        KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA")));
    // The URLs in the run's production-profile certificates (OCSP, CRL, CA issuers) reach a live
    // responder for as long as the run lives; close() stops it.
    CaResponder caResponder = CaResponder.start(ca);
    try {
      return start(config, configured, trust, keys, pool, caResponder);
    } catch (RuntimeException e) {
      caResponder.close();
      throw e;
    }
  }

  private static KitRuntime start(
      KitConfig config,
      Optional<Tpp> configured,
      List<X509Certificate> trust,
      KeyPool keys,
      Optional<IdentityPool> pool,
      CaResponder caResponder) {
    Optional<EmbeddedSandbox> sandbox = Optional.empty();
    URI api;
    URI browser;
    if (config.embedded()) {
      EmbeddedSandbox started =
          EmbeddedSandbox.start(
              new EmbeddedSandbox.Settings(
                  config.bankMode() == BankMode.PRODUCTION,
                  config.sandbox().tokenLifetime(),
                  config.sandbox().latency(),
                  config.sandbox().deviations(),
                  config.sandbox().release()));
      sandbox = Optional.of(started);
      started.serverCertificate().ifPresent(trust::add);
      api = started.baseUrl();
      browser = started.baseUrl();
    } else {
      api = config.baseUrl().orElseThrow();
      browser = config.authBaseUrl().orElse(api);
    }
    BankEndpoints endpoints = new BankEndpoints(api, browser, config.bank().onboardingPath());
    Transport transport = new Transport(config.http(), trust, mutualTlsCredentials(config));
    SecretRegistry secrets = SecretRegistry.forConfiguration(config);
    Preflight preflight;
    try {
      // Before any scenario: the bank's release, its OpenAPI documents (OAS-1's referee), and one
      // message for the whole run when the bank cannot be reached.
      preflight =
          Preflight.fetch(
              new BankClient(config, transport, endpoints, secrets),
              endpoints,
              config.tenant(),
              config.nightly().openApiXs2a(),
              config.nightly().openApiAuth());
    } catch (RuntimeException e) {
      sandbox.ifPresent(EmbeddedSandbox::close);
      throw e;
    }
    return new KitRuntime(
        config,
        sandbox,
        caResponder,
        endpoints,
        transport,
        new TppFactory(caResponder.ca(), keys, config.bankMode(), configured, pool),
        configured,
        secrets,
        preflight);
  }

  /**
   * Checks everything a run needs from files (credentials, trusted certificates) without starting
   * anything: the command line calls it so that a bad file stops the run before any request, with
   * exit code 2.
   *
   * @throws ConfigException naming the key and the file
   */
  public static void validate(KitConfig config) {
    configuredTpp(config);
    trustedCertificates(config);
    mutualTlsCredentials(config);
  }

  /**
   * Why a production run against a real host stops before any request without {@code
   * kit.production.confirm=true}, and what it would do.
   */
  public static String unconfirmedProduction(KitConfig config) {
    boolean registers =
        !config.ownIdentity() || config.registration().allowProductionRegistration();
    return "kit.production.confirm is not true: this run would send signed requests to the"
        + " production bank at "
        + config.baseUrl().map(URI::toString).orElse("?")
        + (config.ownIdentity()
            ? " as " + config.organizationId().map(Object::toString).orElse("the configured TPP")
            : "")
        + (config.ownIdentity()
            ? registers
                ? ", REPLAY THE TPP'S LIVE REGISTRATION (kit.production.allowRegistration=true) and"
                    + " restore kit.registration.keepRedirectUris at the end"
                : ", registering nothing (production is read-only)"
            : "")
        + ". Preview it with 'kit plan --env "
        + config.env()
        + "', then set kit.production.confirm=true (or KIT_PRODUCTION_CONFIRM=true)";
  }

  /**
   * {@code kit.identities=pool} with generated credentials: the pool in the history store. With the
   * TPP's own identity (credentials from files) there is nothing to pool: said once, not an error.
   */
  private static Optional<IdentityPool> identityPool(KitConfig config, boolean ownIdentity) {
    if (config.nightly().identities() != NightlySettings.Identities.POOL) {
      return Optional.empty();
    }
    if (ownIdentity) {
      System.err.println(
          "NOTE: kit.identities=pool has no effect with kit.credentials.source="
              + config.credentials().source().name().toLowerCase(java.util.Locale.ROOT)
              + ": every scenario acts as the TPP's own identity, which is registered once");
      return Optional.empty();
    }
    // KitConfig refuses POOL without a history store.
    Path history = config.nightly().history().orElseThrow();
    return Optional.of(
        IdentityPool.open(history, TppFactory.profile(config.bankMode()).name(), System.err));
  }

  /** The QWAC for mutual TLS (production), loaded and checked against its key. */
  private static Optional<Credentials> mutualTlsCredentials(KitConfig config) {
    return config
        .http()
        .mutualTls()
        .map(
            m -> {
              try {
                return CredentialFiles.loadPem(
                    m.certificate(),
                    m.privateKey(),
                    m.keyPassword().map(s -> s.chars()).orElse(null));
              } catch (CredentialException e) {
                throw new ConfigException("kit.mtls: " + e.getMessage(), e);
              }
            });
  }

  private static List<X509Certificate> trustedCertificates(KitConfig config) {
    return config.http().trustCertificate().map(KitRuntime::readPemCertificates).orElse(List.of());
  }

  public KitConfig config() {
    return config;
  }

  public BankEndpoints endpoints() {
    return endpoints;
  }

  public TppFactory tpps() {
    return tpps;
  }

  /** The embedded reference sandbox, when the kit started one. */
  public Optional<EmbeddedSandbox> sandbox() {
    return sandbox;
  }

  /** {@code text} with every secret this run has seen masked (see the secret registry). */
  public String scrub(String text) {
    return secrets.scrub(text);
  }

  /**
   * The run's registry of secrets: every client of the run registers what it sends and receives;
   * anything written to a report or the console can be scrubbed with it.
   */
  public SecretRegistry secrets() {
    return secrets;
  }

  /**
   * The run's circuit breaker ({@code kit.circuitBreaker}): open once the bank seemed down, after
   * which every exchange and every scenario not yet started fails at once.
   */
  public CircuitBreaker circuitBreaker() {
    return transport.circuitBreaker();
  }

  /** A client for one scenario. */
  public BankClient newClient() {
    return new BankClient(config, transport, endpoints, secrets, preflight.referee());
  }

  /**
   * The bank's release as the run found it before its first scenario: the version body and the
   * SHA-256 of its two OpenAPI documents and of its discovery document, each with the reason when
   * it could not be fetched. Fixed for the run (a history of runs compares it across runs).
   */
  public BankFingerprint fingerprint() {
    return preflight.fingerprint();
  }

  /**
   * The texts of the bank's OpenAPI documents fetched at the start of the run ({@code
   * /xs2a-bg/openapi.json}, {@code /auth/openapi.json}): what the OAS-1 referee judges by, and what
   * {@code com.obkit.openapi.ApiChanges} compares with an earlier run's.
   */
  public BankDocuments bankDocuments() {
    return preflight.documents();
  }

  /**
   * Why the OAS-1 referee is off for a host (its document could not be fetched or parsed), one line
   * per host; empty when it judges both.
   */
  public List<String> refereeOff() {
    return preflight.referee().off();
  }

  /**
   * With the TPP's own identity (credentials from files): the ledger of what the run registered,
   * and the restore of the kept redirect URIs at its end. Empty with generated credentials, where
   * every scenario registers an organization id of its own.
   */
  public Optional<OwnRegistration> ownRegistration() {
    return own;
  }

  /**
   * Whether registering is off: production with the TPP's own identity, unless {@code
   * kit.production.allowRegistration=true}. A replay would replace the live app's redirect URIs.
   */
  public boolean registrationForbidden() {
    return own.isPresent()
        && config.bankMode() == BankMode.PRODUCTION
        && !config.registration().allowProductionRegistration();
  }

  /**
   * At the start of a run with the TPP's own identity (registering allowed, the sandbox): whether
   * the bank still knows the registration the kit holds from before; a wiped sandbox is registered
   * again, once, with exactly the kept redirect URIs (see {@link
   * OwnRegistration#checkStillRegistered}).
   */
  public void checkOwnRegistration() {
    if (own.isPresent() && !registrationForbidden()) {
      own.get().checkStillRegistered(newClient());
    }
  }

  /** What the restore at the end of the run did, once it ran. */
  public Optional<OwnRegistration.Restoration> restoration() {
    return restoration;
  }

  private synchronized void restore() {
    if (own.isPresent() && restoration.isEmpty()) {
      // Tried even when the circuit breaker opened: the bank must not be left changed.
      restoration = Optional.of(own.get().restore(newClient().ignoringCircuitBreaker()));
    }
  }

  /**
   * Restores the TPP's registration (own identity), then stops the embedded sandbox and the test
   * CA's OCSP/CRL responder.
   */
  @Override
  public void close() {
    try {
      restore();
      tpps.pool().ifPresent(p -> System.err.println(p.summary()));
      if (own.isPresent()) {
        try {
          Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down: the hook is running or has run.
        }
      }
    } finally {
      try {
        sandbox.ifPresent(EmbeddedSandbox::close);
      } finally {
        caResponder.close();
      }
    }
  }

  /**
   * The TPP of credentials from files ({@code kit.credentials.source} pem or pkcs12), loaded and
   * checked against {@code kit.organizationId}; empty with generated credentials.
   *
   * @throws ConfigException naming the key when the files cannot be read or do not match
   */
  public static Optional<Tpp> configuredTpp(KitConfig config) {
    CredentialSettings c = config.credentials();
    if (c.source() == CredentialSettings.Source.GENERATED) {
      return Optional.empty();
    }
    OrganizationId orgId =
        config
            .organizationId()
            .orElseThrow(
                () -> new ConfigException("missing configuration key 'kit.organizationId'"));
    try {
      Credentials credentials =
          c.source() == CredentialSettings.Source.PEM
              ? CredentialFiles.loadPem(
                  c.certificate().orElseThrow(),
                  c.privateKey().orElseThrow(),
                  c.keyPassword().map(s -> s.chars()).orElse(null))
              : CredentialFiles.loadPkcs12(
                  c.pkcs12().orElseThrow(),
                  c.pkcs12Password().orElseThrow().chars(),
                  c.alias().orElse(null));
      String inCertificate =
          Certificates.organizationIdentifier(credentials.certificate()).orElse("<none>");
      if (!inCertificate.equals(orgId.value())) {
        throw new ConfigException(
            "kit.organizationId is "
                + orgId
                + " but the configured certificate carries organizationIdentifier "
                + inCertificate);
      }
      return Optional.of(new Tpp(orgId, credentials));
    } catch (CredentialException e) {
      throw new ConfigException("kit.credentials: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> readPemCertificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> out = new ArrayList<>();
      CertificateFactory.getInstance("X.509")
          .generateCertificates(in)
          .forEach(c -> out.add((X509Certificate) c));
      if (out.isEmpty()) {
        throw new ConfigException("kit.http.trustCertificate: no certificate in " + file);
      }
      return out;
    } catch (IOException | CertificateException e) {
      throw new ConfigException(
          "kit.http.trustCertificate: cannot read a certificate from "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
