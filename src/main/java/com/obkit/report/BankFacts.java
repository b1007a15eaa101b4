package com.obkit.report;

import com.obkit.history.Fingerprint;
import com.obkit.history.Part;
import com.obkit.runtime.BankDocuments;
import com.obkit.runtime.BankFingerprint;
import com.obkit.runtime.KitRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bank's fingerprint and published OpenAPI documents as the run's runtime fetched them before
 * its first scenario, for the run record and the history store.
 */
final class BankFacts {
  private BankFacts() {}

  static RunHistory.Bank of(KitRuntime runtime) {
    BankFingerprint f = runtime.fingerprint();
    Map<String, String> documents = new LinkedHashMap<>();
    BankDocuments texts = runtime.bankDocuments();
    keep(documents, f.xs2aOpenApi(), texts.xs2aOpenApi());
    keep(documents, f.authOpenApi(), texts.authOpenApi());
    return new RunHistory.Bank(
        new Fingerprint(
            part(f.version()), part(f.xs2aOpenApi()), part(f.authOpenApi()), part(f.discovery())),
        documents);
  }

  private static void keep(
      Map<String, String> documents, BankFingerprint.Part digest, Optional<String> text) {
    if (digest.value().isPresent() && text.isPresent()) {
      documents.put(digest.value().get(), text.get());
    }
  }

  private static Part part(BankFingerprint.Part p) {
    return p.value().map(Part::of).orElseGet(() -> Part.unavailable(p.reason()));
  }
}
