package com.obkit.runtime;

import com.obkit.client.BankClient;
import com.obkit.client.ClientCredentials;
import com.obkit.client.HttpExchange;
import com.obkit.client.RegistrationRequest;
import com.obkit.client.TokenRequest;
import com.obkit.client.Tpp;
import com.obkit.config.BankMode;
import com.obkit.config.KitConfig;
import com.obkit.outcomes.EnvironmentFault;
import com.obkit.signing.Tampering;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Do no harm with the TPP's own identity. With credentials from files every registration the kit
 * makes changes the TPP's real registration at the bank (REG-2: a replay replaces the redirect
 * URIs, and may change the {@code client_secret}). This keeps the ledger of what the run registered
 * and, when the run ends (normally, on failure, on Ctrl-C), replays the registration with exactly
 * {@code kit.registration.keepRedirectUris}, so the bank is left as the TPP needs it. Thread-safe;
 * one per run.
 */
public final class OwnRegistration {

  /**
   * What the restore did.
   *
   * @param restored whether the bank now has exactly the kept redirect URIs
   * @param registrations how many registrations the run made with the TPP's identity
   * @param secretChanges how many of them changed the {@code client_secret}
   * @param message one line for the console, the verdict and Allure (never a secret)
   */
  public record Restoration(
      boolean restored, int registrations, int secretChanges, String message) {}

  /** The file in the history store where the kit keeps the TPP's {@code client_id} (no secret). */
  static final String RECORD = "registration.properties";

  private final KitConfig config;
  private final Tpp tpp;
  private final List<String> keep;
  private final Optional<Path> secretOut;
  private final Optional<Path> record;
  private final String bank;

  /** The client_id the bank gave last, as far as the kit knows (from before the run, or now). */
  private Optional<String> knownClientId;

  /** How many times the run found the bank had forgotten the registration (a wiped sandbox). */
  private int wipes;

  /** After a second wipe in one run: nothing more is registered for scenarios. */
  private boolean lostAgain;

  private final List<String> wipeNotes = new ArrayList<>();
  private List<String> lastRegistered = List.of();
  private Optional<String> clientId = Optional.empty();
  private byte[] secretDigest;
  private int registrations;
  private int attempts;
  private boolean lastSecretChange;
  private int secretChanges;
  private Restoration restoration;

  OwnRegistration(KitConfig config, Tpp tpp, List<String> keep, Optional<Path> secretOut) {
    this(config, tpp, keep, secretOut, Optional.empty(), "");
  }

  /**
   * @param record where the {@code client_id} is kept between runs ({@code
   *     <kit.history>/registration.properties}), if anywhere
   * @param bank the bank's API base URL: a record of another bank is not this bank's registration
   */
  OwnRegistration(
      KitConfig config,
      Tpp tpp,
      List<String> keep,
      Optional<Path> secretOut,
      Optional<Path> record,
      String bank) {
    this.config = config;
    this.tpp = tpp;
    this.keep = List.copyOf(keep);
    this.secretOut = secretOut;
    this.record = record;
    this.bank = bank;
    this.knownClientId = config.clientId().or(this::recordedClientId);
  }

  /** The redirect URIs that must stay registered (the kept ones come first in every request). */
  public List<String> keep() {
    return keep;
  }

  /** {@code uris} with the kept redirect URIs in front, each once. */
  public List<String> withKept(List<String> uris) {
    LinkedHashSet<String> all = new LinkedHashSet<>(keep);
    all.addAll(uris);
    return List.copyOf(all);
  }

  /**
   * Records a registration the bank accepted. Says loudly when it changed the {@code
   * client_secret}, and writes the current one where the user asked ({@code
   * kit.registration.secretOut}), never elsewhere.
   *
   * @return whether the secret changed
   */
  private boolean recordAccepted(List<String> uris, HttpExchange answer) {
    registrations++;
    lastRegistered = List.copyOf(uris);
    String id = answer.jsonText("client_id");
    if (!id.isEmpty()) {
      clientId = Optional.of(id);
      if (!knownClientId.equals(clientId)) {
        knownClientId = clientId;
        writeRecord(id);
      }
    }
    String secret = answer.jsonText("client_secret");
    if (secret.isEmpty()) {
      return false;
    }
    byte[] digest = sha256(secret);
    boolean changed = secretDigest != null && !MessageDigest.isEqual(secretDigest, digest);
    if (changed && secretChanges++ == 0) {
      // Once, loudly; the count is in the restore line of the summary and the verdict.
      System.err.println(
          "WARNING: the bank changed the client_secret of "
              + tpp.organizationId()
              + " on replay (REG-2)"
              + secretOut
                  .map(p -> "; the current one is written to " + p)
                  .orElse(
                      "; set kit.registration.secretOut to a file to keep the current one (the"
                          + " old one no longer works)")
              + "; further changes are counted in the summary");
    }
    secretDigest = digest;
    secretOut.ifPresent(p -> writeOwnerOnly(p, secret));
    return changed;
  }

  /**
   * Sends one registration of a scenario, never at the same time as the restore and never after it:
   * on Ctrl-C the restore runs on another thread while a scenario may still be going.
   *
   * @throws IllegalStateException when the run is ending and the registration was restored
   */
  public synchronized HttpExchange exclusively(
      Supplier<HttpExchange> registration, List<String> uris) {
    if (restoration != null) {
      throw new IllegalStateException(
          "the run is ending: the TPP's registration was restored, nothing more is registered");
    }
    if (lostAgain) {
      throw lostAgainFault();
    }
    // Sent means possibly changed, whatever the answer: from here on the run restores.
    attempts++;
    HttpExchange answer = registration.get();
    if (answer.status() == 201) {
      Optional<String> before = knownClientId;
      String id = answer.jsonText("client_id");
      lastSecretChange = recordAccepted(uris, answer);
      if (wiped(before, id)) {
        newClientIdAfterWipe(before.orElseThrow(), id);
      }
    }
    return answer;
  }

  /**
   * Whether a registration's new {@code client_id} says the bank had forgotten the registration:
   * REG-2 keeps the {@code client_id} of an organization id on every replay, so in the sandbox,
   * whose data is "wiped a few times a year (then register again)" (contract section 1), a new one
   * means the registration was gone. Production is never wiped: there a new {@code client_id} is
   * REG-2's business only.
   */
  private boolean wiped(Optional<String> before, String now) {
    return config.bankMode() == BankMode.SANDBOX
        && before.isPresent()
        && !now.isEmpty()
        && !before.get().equals(now);
  }

  /**
   * A scenario's registration found the registration forgotten: the first time in the run that
   * registration made it again (the kept redirect URIs are in every registration, and the restore
   * leaves exactly them); the second time the run registers nothing more and ends inconclusive.
   */
  private void newClientIdAfterWipe(String before, String now) {
    if (wipes++ == 0) {
      note(
          "WIPED: the bank no longer knew the registration of "
              + tpp.organizationId()
              + " (client_id "
              + before
              + "): a registration answered the new client_id "
              + now
              + " (REG-2 keeps it otherwise), so the bank's sandbox was wiped; that registration"
              + " made it again, with the kept redirect URIs "
              + keep
              + " in it"
              + newSecretWhere());
      return;
    }
    lostAgain = true;
    note(
        "WIPED AGAIN: the bank forgot the registration of "
            + tpp.organizationId()
            + " a second time in this run (client_id "
            + before
            + " became "
            + now
            + "); the kit registers again once per run, so nothing more is registered: the"
            + " scenarios that need a registration end as environment faults (INCONCLUSIVE); the"
            + " restore at the end leaves exactly "
            + keep);
    throw lostAgainFault();
  }

  private RuntimeException lostAgainFault() {
    return new EnvironmentFault(
        "POST",
        "the registration endpoint",
        "the bank forgot the registration of "
            + tpp.organizationId()
            + " twice in this run (its sandbox was wiped again); the kit registers again once per"
            + " run and registers nothing more",
        null);
  }

  /**
   * At the start of the run: whether the bank still knows the registration the kit holds from
   * before (the {@code client_id} of {@code kit.clientId} or of the history store, the {@code
   * client_secret} of {@code kit.registration.secretOut}). The probe is harmless: an authorisation
   * code that was never issued, with the held client's Basic credentials; the token endpoint checks
   * the client first (TKN-6, RFC 6749 5.2), so a known client gets {@code invalid_grant} and an
   * unknown one {@code invalid_client}. Unknown: the sandbox was wiped (or the held secret is
   * stale), and the kit registers again, once, with exactly {@code
   * kit.registration.keepRedirectUris}. Nothing held, or production: nothing is probed (the run's
   * first registration shows a wipe by its new {@code client_id}).
   */
  public synchronized void checkStillRegistered(BankClient client) {
    if (restoration != null || config.bankMode() != BankMode.SANDBOX) {
      return;
    }
    Optional<String> id = knownClientId;
    Optional<String> secret = heldSecret();
    if (id.isEmpty() || secret.isEmpty() || keep.isEmpty()) {
      return;
    }
    HttpExchange probe;
    try {
      probe =
          client.token(
              config.tenant(),
              TokenRequest.authorizationCode(
                  "obkit-probe-" + UUID.randomUUID(),
                  keep.get(0),
                  "obkit-probe-verifier-" + UUID.randomUUID(),
                  new ClientCredentials(id.get(), secret.get())));
    } catch (RuntimeException e) {
      return; // an unreachable bank is the scenarios' environment fault, not a wipe
    }
    if (!"invalid_client".equals(probe.jsonText("error"))) {
      return;
    }
    wipes++;
    attempts++; // from here on the run restores
    String evidence =
        "the token endpoint refused the client_id "
            + id.get()
            + " and the client_secret the kit holds ("
            + probe.status()
            + " invalid_client, TKN-6)";
    Optional<String> failure = registerKept(client);
    if (failure.isPresent()) {
      note(
          "WIPED: the bank no longer knows the registration of "
              + tpp.organizationId()
              + ": "
              + evidence
              + "; registering it again with the kept redirect URIs "
              + keep
              + " FAILED: "
              + failure.get()
              + " (the run's registrations try again)");
      return;
    }
    String now = clientId.orElse("?");
    note(
        "WIPED: the bank no longer knew the registration of "
            + tpp.organizationId()
            + " before the run: "
            + evidence
            + (now.equals(id.get())
                ? "; registered again (same client_id: the secret the kit held was stale, not a"
                    + " wipe)"
                : "; its sandbox was wiped (contract section 1: then register again): registered"
                    + " again once with exactly the kept redirect URIs "
                    + keep
                    + ", new client_id "
                    + now)
            + newSecretWhere());
  }

  /** How many times this run found the registration forgotten (0, 1, or 2 and it stopped). */
  public synchronized int wipesDetected() {
    return wipes;
  }

  /** The wipe lines of this run, for the restore message (never a secret). */
  public synchronized List<String> wipeNotes() {
    return List.copyOf(wipeNotes);
  }

  private String newSecretWhere() {
    return secretOut
        .map(p -> "; the new client_secret is written to " + p)
        .orElse(
            "; the new client_secret is not kept: set kit.registration.secretOut to a file to keep"
                + " it");
  }

  /** One line, on the console once, and in the restore message of the verdict. */
  private void note(String line) {
    wipeNotes.add(line);
    System.err.println(line);
  }

  /** The client_secret the kit wrote to {@code kit.registration.secretOut} in an earlier run. */
  private Optional<String> heldSecret() {
    return secretOut
        .filter(Files::isRegularFile)
        .flatMap(
            p -> {
              try {
                return Optional.of(Files.readString(p, StandardCharsets.UTF_8).trim())
                    .filter(v -> !v.isEmpty());
              } catch (IOException e) {
                return Optional.empty();
              }
            });
  }

  private Optional<String> recordedClientId() {
    return record
        .filter(Files::isRegularFile)
        .flatMap(
            p -> {
              Properties props = new Properties();
              try (var in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                props.load(in);
              } catch (IOException e) {
                return Optional.empty();
              }
              return tpp.organizationId().value().equals(props.getProperty("organizationId"))
                      && bank.equals(props.getProperty("bank"))
                  ? Optional.ofNullable(props.getProperty("clientId")).filter(v -> !v.isEmpty())
                  : Optional.empty();
            });
  }

  /** Keeps the client_id (public, no secret) in the history store, owner-only. */
  private void writeRecord(String id) {
    record.ifPresent(
        p -> {
          Properties props = new Properties();
          props.setProperty("organizationId", tpp.organizationId().value());
          props.setProperty("bank", bank);
          props.setProperty("clientId", id);
          StringWriter text = new StringWriter();
          try {
            props.store(text, "the TPP's registration at the bank, as the kit last saw it");
            Files.createDirectories(p.toAbsolutePath().getParent());
            writeOwnerOnly(p, text.toString().trim());
          } catch (IOException e) {
            System.err.println(
                "WARNING: cannot keep the client_id in " + p + ": " + e.getMessage());
          }
        });
  }

  /** Whether the last registration sent through {@link #exclusively} changed the secret. */
  public synchronized boolean lastChangedSecret() {
    return lastSecretChange;
  }

  /** How many registrations the run made with the TPP's identity so far. */
  public synchronized int registrations() {
    return registrations;
  }

  /**
   * Replays the registration with exactly the kept redirect URIs, once, if the run registered
   * anything. Never throws: a restore that fails says what is registered now.
   */
  public synchronized Restoration restore(BankClient client) {
    if (restoration != null) {
      return restoration;
    }
    if (registrations == 0 && attempts == 0) {
      restoration =
          new Restoration(
              true,
              0,
              0,
              "the run registered nothing with " + tpp.organizationId() + ": nothing to restore");
      return restoration;
    }
    Optional<String> failure = registerKept(client);
    if (failure.isPresent()) {
      return failed(failure.get());
    }
    boolean changed = lastSecretChange;
    restoration =
        new Restoration(
            true,
            registrations,
            secretChanges,
            "RESTORED: "
                + tpp.organizationId()
                + " has exactly the kept redirect URIs "
                + keep
                + " registered again (client_id "
                + clientId.orElse("?")
                + "; "
                + (registrations - 1)
                + " registration(s) during the run"
                + (secretChanges > 0
                    ? "; the client_secret changed "
                        + secretChanges
                        + " time(s)"
                        + (changed ? ", the last time by this restore" : "")
                    : "")
                + ")"
                + wipeSuffix());
    return restoration;
  }

  /** The wipes of the run, for the restore message (the verdict's and Allure's). */
  private String wipeSuffix() {
    return wipeNotes.isEmpty() ? "" : ". " + String.join(". ", wipeNotes);
  }

  /**
   * Registers exactly the kept redirect URIs (a new initial access token, then the registration),
   * recorded like any registration of the run.
   *
   * @return why it failed, if it did; never throws
   */
  private Optional<String> registerKept(BankClient client) {
    String tenant = config.tenant();
    try {
      HttpExchange token =
          client.requestInitialToken(tpp, tenant, config.bank().signing(), Tampering.NONE);
      String access = token.jsonText("access_token");
      String link =
          token.json().map(j -> j.path("_links").path("registration").asText("")).orElse("");
      if (token.status() != 200 || access.isEmpty() || link.isEmpty()) {
        return Optional.of("the onboarding call answered " + token.describe());
      }
      RegistrationRequest request =
          RegistrationRequest.standard(
              config.bank().registrationToken().inForm(),
              config.bank().registrationToken().inHeader(),
              config.bank().signRegistration(),
              access,
              keep);
      HttpExchange answer = client.register(tpp, URI.create(link), request, Tampering.NONE);
      List<String> registered = new ArrayList<>();
      answer
          .json()
          .ifPresent(j -> j.path("redirect_uris").forEach(u -> registered.add(u.asText())));
      if (answer.status() != 201 || !registered.equals(keep)) {
        return Optional.of(
            "the registration answered " + answer.describe() + " with redirect_uris " + registered);
      }
      lastSecretChange = recordAccepted(keep, answer);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Restoration failed(String why) {
    restoration =
        new Restoration(
            false,
            registrations,
            secretChanges,
            "RESTORE FAILED for "
                + tpp.organizationId()
                + ": "
                + why
                + ". Registered now, as far as the kit knows: "
                + lastRegistered
                + ". Replay the registration with "
                + keep
                + " before using the client."
                + wipeSuffix());
    return restoration;
  }

  private static void writeOwnerOnly(Path file, String secret) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(
          file,
          secret + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      System.err.println(
          "WARNING: cannot write the client_secret to " + file + ": " + e.getMessage());
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
