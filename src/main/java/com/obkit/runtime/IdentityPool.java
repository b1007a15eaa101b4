package com.obkit.runtime;

import com.obkit.client.Tpp;
import com.obkit.config.ConfigException;
import com.obkit.pki.Certificates;
import com.obkit.pki.CredentialException;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.TestCa;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code kit.identities=pool}: the generated identities a run registers at the bank (organization
 * id, key, certificate), kept between runs in {@code <kit.history>/identities/}, one per scenario
 * and TPP of the scenario, so that after the first run a run registers no new organization at the
 * bank. The test CA that issued them is kept too ({@code ca/}), so that renewals come from the
 * issuer of the pooled certificates (the reference sandbox does not judge the issuer, CERT-1 to
 * CERT-5; a bank that pins the issuer of its test certificates would).
 *
 * <p>Only what is registered is pooled: the TPPs a scenario acts as ({@link TppFactory#newTpp}),
 * and their renewals (CERT-4: the renewed certificate becomes the pooled one, as it becomes the
 * organization's active certificate at the bank). Defective certificates of negative scenarios
 * (expired, without organization identifier, wrong roles) are made per run: the bank registers none
 * of them.
 *
 * <p>Every file is owner-only ({@code rw-------}) from its creation, every folder {@code
 * rwx------}; private keys are written nowhere else. A pooled certificate that cannot be read, was
 * issued by another CA, is not yet valid or expires within {@link #RENEW_BEFORE} is replaced by a
 * new certificate for the same organization id (a renewal: nothing new is registered), and the
 * console says so. Thread-safe.
 */
public final class IdentityPool {

  /** A pooled certificate that expires sooner than this is replaced. */
  public static final Duration RENEW_BEFORE = Duration.ofDays(30);

  static final String FOLDER = "identities";
  static final String CA_FOLDER = "ca";
  static final String PROPERTIES = "identity.properties";

  private static final Set<PosixFilePermission> OWNER_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path folder;
  private final TestCa ca;
  private final String profile;
  private final Clock clock;
  private final PrintStream console;

  /** Base key → the line of the scenario that claimed it this run (outline rows share a name). */
  private final Map<String, Integer> claimed = new HashMap<>();

  /** Organization id → the entry folder it was handed out from this run. */
  private final Map<OrganizationId, Path> handedOut = new HashMap<>();

  private int reused;
  private int created;
  private int replaced;

  private IdentityPool(Path folder, TestCa ca, String profile, Clock clock, PrintStream console) {
    this.folder = folder;
    this.ca = ca;
    this.profile = profile;
    this.clock = clock;
    this.console = console;
  }

  /**
   * Opens (or creates) the pool in {@code <history>/identities/}: its folder owner-only, its test
   * CA read back or made.
   *
   * @param history the history store folder ({@code kit.history})
   * @param profile the certificate profile the identities carry (identities of another profile are
   *     kept apart)
   * @throws ConfigException when the folder cannot be made owner-only or written
   */
  public static IdentityPool open(Path history, String profile, PrintStream console) {
    return open(history, profile, Clock.systemUTC(), console);
  }

  static IdentityPool open(Path history, String profile, Clock clock, PrintStream console) {
    Path folder = history.resolve(FOLDER);
    try {
      ownerOnlyFolder(folder);
      TestCa ca = loadOrCreateCa(folder.resolve(CA_FOLDER), clock, console);
      return new IdentityPool(folder, ca, profile, clock, console);
    } catch (IOException | CredentialException e) {
      throw new ConfigException(
          "kit.identities=pool: cannot keep identities in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Where the identities are kept. */
  public Path folder() {
    return folder;
  }

  /** The pooled test CA: every certificate of the run is issued by it. */
  public TestCa ca() {
    return ca;
  }

  /**
   * The pooled TPP number {@code ordinal} (1, 2, ...) of a scenario: the one kept from an earlier
   * run, renewed when it has to be, or a new one (kept from now on).
   *
   * @param scenario a stable key of the scenario: feature file and scenario name
   * @param line the scenario's line, to tell apart scenarios that share a name
   * @param fresh a new organization id, when the pool has none for this TPP
   * @param issue a certificate for an organization id from {@link #ca()}
   */
  public synchronized Tpp tpp(
      String scenario,
      int line,
      int ordinal,
      Supplier<OrganizationId> fresh,
      Function<OrganizationId, Credentials> issue) {
    String base = scenario + " | " + profile;
    Integer claimant = claimed.putIfAbsent(base, line);
    String key =
        (claimant == null || claimant == line ? base : base + " | line " + line)
            + " | TPP "
            + ordinal;
    Path entry = folder.resolve(slug(key));
    Tpp tpp;
    try {
      tpp = load(key, entry, fresh, issue);
    } catch (IOException | CredentialException e) {
      throw new IllegalStateException(
          "kit.identities=pool: cannot keep the identity of " + key + " in " + entry, e);
    }
    handedOut.put(tpp.organizationId(), entry);
    return tpp;
  }

  /**
   * A pooled organization renewed its certificate (CERT-4): the renewed one is kept, since the bank
   * makes it the active certificate at its first onboarding call and revokes the old one.
   * Organizations the pool did not hand out are left alone.
   */
  public synchronized void renewed(Tpp renewed) {
    Path entry = handedOut.get(renewed.organizationId());
    if (entry == null) {
      return;
    }
    try {
      CredentialFiles.saveOwnerOnly(renewed.credentials(), entry);
      Properties p = readProperties(entry);
      p.setProperty("renewed", clock.instant().toString());
      writeProperties(entry, p);
    } catch (IOException | CredentialException e) {
      throw new IllegalStateException(
          "kit.identities=pool: cannot keep the renewed certificate of "
              + renewed.organizationId()
              + " in "
              + entry,
          e);
    }
  }

  /** One line for the console at the end of the run. */
  public synchronized String summary() {
    return "IDENTITY POOL (kit.identities=pool, "
        + folder
        + "): "
        + (reused + created + replaced)
        + " identities used: "
        + reused
        + " from the pool, "
        + created
        + " new (registered as new organizations), "
        + replaced
        + " with a replaced certificate (same organization id)";
  }

  /** How many identities came from the pool unchanged, were new, had their certificate replaced. */
  public synchronized int[] counts() {
    return new int[] {reused, created, replaced};
  }

  private Tpp load(
      String key,
      Path entry,
      Supplier<OrganizationId> fresh,
      Function<OrganizationId, Credentials> issue)
      throws IOException {
    if (!Files.isDirectory(entry)) {
      return create(key, entry, fresh.get(), issue);
    }
    ownerOnlyFolder(entry);
    Optional<OrganizationId> orgId = readOrganizationId(entry);
    if (orgId.isEmpty()) {
      OrganizationId newId = fresh.get();
      console.println(
          "IDENTITY POOL: the kept identity of "
              + key
              + " names no organization id ("
              + entry.resolve(PROPERTIES)
              + "): replaced by a new organization id "
              + newId
              + ", which the bank will register as new");
      return create(key, entry, newId, issue);
    }
    Optional<String> defect = defect(entry, orgId.get());
    if (defect.isPresent()) {
      console.println(
          "IDENTITY POOL: replaced the certificate of "
              + orgId.get()
              + " ("
              + key
              + "): "
              + defect.get()
              + "; the organization id is kept, so nothing new is registered");
      Tpp tpp = new Tpp(orgId.get(), issue.apply(orgId.get()));
      CredentialFiles.saveOwnerOnly(tpp.credentials(), entry);
      Properties p = readProperties(entry);
      p.setProperty("renewed", clock.instant().toString());
      writeProperties(entry, p);
      replaced++;
      return tpp;
    }
    reused++;
    return new Tpp(
        orgId.get(),
        CredentialFiles.loadPem(
            entry.resolve(CredentialFiles.CERTIFICATE_FILE),
            entry.resolve(CredentialFiles.PRIVATE_KEY_FILE),
            null));
  }

  private Tpp create(
      String key, Path entry, OrganizationId orgId, Function<OrganizationId, Credentials> issue)
      throws IOException {
    ownerOnlyFolder(entry);
    Tpp tpp = new Tpp(orgId, issue.apply(orgId));
    CredentialFiles.saveOwnerOnly(tpp.credentials(), entry);
    Properties p = new Properties();
    p.setProperty("scenario", key);
    p.setProperty("organizationId", orgId.value());
    p.setProperty("created", clock.instant().toString());
    writeProperties(entry, p);
    created++;
    return tpp;
  }

  /** Why the kept certificate of {@code orgId} cannot be used any more, if it cannot. */
  private Optional<String> defect(Path entry, OrganizationId orgId) {
    Credentials kept;
    try {
      kept =
          CredentialFiles.loadPem(
              entry.resolve(CredentialFiles.CERTIFICATE_FILE),
              entry.resolve(CredentialFiles.PRIVATE_KEY_FILE),
              null);
    } catch (CredentialException e) {
      return Optional.of("it cannot be read (" + e.getMessage() + ")");
    }
    X509Certificate certificate = kept.certificate();
    if (!Certificates.organizationIdentifier(certificate).orElse("").equals(orgId.value())) {
      return Optional.of("it does not carry the organization id " + orgId);
    }
    try {
      certificate.verify(ca.certificate().getPublicKey());
    } catch (GeneralSecurityException e) {
      return Optional.of("it was not issued by the pooled test CA");
    }
    // Issued by an earlier run: the run's OCSP responder answers good for it, not unknown.
    ca.recordIssued(certificate);
    Instant now = clock.instant();
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isBefore(notBefore)) {
      return Optional.of("it is not valid before " + notBefore);
    }
    if (!now.isBefore(notAfter)) {
      return Optional.of("it expired on " + notAfter);
    }
    if (now.plus(RENEW_BEFORE).isAfter(notAfter)) {
      return Optional.of(
          "it expires on " + notAfter + ", within " + RENEW_BEFORE.toDays() + " days");
    }
    return Optional.empty();
  }

  private static Optional<OrganizationId> readOrganizationId(Path entry) {
    try {
      String value = readProperties(entry).getProperty("organizationId", "");
      return OrganizationId.isValid(value)
          ? Optional.of(OrganizationId.of(value))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static TestCa loadOrCreateCa(Path caFolder, Clock clock, PrintStream console)
      throws IOException {
    Path certificate = caFolder.resolve(CredentialFiles.CERTIFICATE_FILE);
    Path key = caFolder.resolve(CredentialFiles.PRIVATE_KEY_FILE);
    if (Files.exists(certificate) || Files.exists(key)) {
      ownerOnlyFolder(caFolder);
      String why;
      try {
        Credentials kept = CredentialFiles.loadPem(certificate, key, null);
        TestCa ca = TestCa.restore(kept.certificate(), kept.privateKey());
        Instant notAfter = kept.certificate().getNotAfter().toInstant();
        if (clock.instant().plus(RENEW_BEFORE).isBefore(notAfter)) {
          return ca;
        }
        why = "it expires on " + notAfter;
      } catch (CredentialException | IllegalArgumentException e) {
        why = "it cannot be read (" + e.getMessage() + ")";
      }
      console.println(
          "IDENTITY POOL: replaced the pooled test CA in "
              + caFolder
              + ": "
              + why
              + "; the kept certificates are renewed from the new one (same organization ids)");
    }
    ownerOnlyFolder(caFolder);
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    CredentialFiles.saveOwnerOnly(new Credentials(ca.certificate(), ca.privateKey()), caFolder);
    return ca;
  }

  /** Creates {@code folder} (and its parents) and makes it {@code rwx------}. */
  private static void ownerOnlyFolder(Path folder) throws IOException {
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(folder)) {
      Path parent = folder.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (posix) {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
      } else {
        Files.createDirectory(folder);
      }
    }
    if (posix && !Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)) {
      Files.setPosixFilePermissions(folder, OWNER_FOLDER);
    }
  }

  private static Properties readProperties(Path entry) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(entry.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  private static void writeProperties(Path entry, Properties p) throws IOException {
    StringWriter text = new StringWriter();
    p.store(text, "kit.identities=pool: one identity the bank has registered (no secrets here)");
    Path file = entry.resolve(PROPERTIES);
    boolean posix = entry.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
            : new FileAttribute<?>[0];
    Path temporary = Files.createTempFile(entry, "." + PROPERTIES, ".tmp", attributes);
    try {
      Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A folder name for a key: the first 20 hex digits of its SHA-256. */
  static String slug(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
