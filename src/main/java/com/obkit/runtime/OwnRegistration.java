package com.obkit.runtime;

import com.obkit.client.BankClient;
import com.obkit.client.HttpExchange;
import com.obkit.client.RegistrationRequest;
import com.obkit.client.Tpp;
import com.obkit.config.KitConfig;
import com.obkit.signing.Tampering;
import java.io.IOException;
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

  private final KitConfig config;
  private final Tpp tpp;
  private final List<String> keep;
  private final Optional<Path> secretOut;
  private List<String> lastRegistered = List.of();
  private Optional<String> clientId = Optional.empty();
  private byte[] secretDigest;
  private int registrations;
  private int attempts;
  private boolean lastSecretChange;
  private int secretChanges;
  private Restoration restoration;

  OwnRegistration(KitConfig config, Tpp tpp, List<String> keep, Optional<Path> secretOut) {
    this.config = config;
    this.tpp = tpp;
    this.keep = List.copyOf(keep);
    this.secretOut = secretOut;
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
    // Sent means possibly changed, whatever the answer: from here on the run restores.
    attempts++;
    HttpExchange answer = registration.get();
    if (answer.status() == 201) {
      lastSecretChange = recordAccepted(uris, answer);
    }
    return answer;
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
    String tenant = config.tenant();
    try {
      HttpExchange token =
          client.requestInitialToken(tpp, tenant, config.bank().signing(), Tampering.NONE);
      String access = token.jsonText("access_token");
      String link =
          token.json().map(j -> j.path("_links").path("registration").asText("")).orElse("");
      if (token.status() != 200 || access.isEmpty() || link.isEmpty()) {
        return failed("the onboarding call answered " + token.describe());
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
        return failed(
            "the registration answered " + answer.describe() + " with redirect_uris " + registered);
      }
      boolean changed = recordAccepted(keep, answer);
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
                  + ")");
      return restoration;
    } catch (RuntimeException e) {
      return failed(e.getClass().getSimpleName() + ": " + e.getMessage());
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
                + " before using the client.");
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
