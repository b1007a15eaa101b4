package com.obkit.steps;

import com.obkit.checks.ConsentChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.checks.RegistrationChecks;
import com.obkit.checks.TokenChecks;
import com.obkit.client.ClientCredentials;
import com.obkit.client.ConsentRequest;
import com.obkit.client.HttpExchange;
import com.obkit.client.Tpp;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.Rule;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A second TPP in the scenario, with an organization id, a registration and a consent of its own:
 * the "another client" of TKN-5 and the "another TPP" of CON-5 and AIS-4. Needs generated
 * certificates: with the TPP's own certificate the kit is one TPP only.
 */
public final class OtherTppJourney {
  private final ScenarioContext ctx;
  private final RegistrationJourney registration;
  private Tpp other;
  private ClientCredentials credentials;
  private String consentId;

  public OtherTppJourney(ScenarioContext ctx, RegistrationJourney registration) {
    this.ctx = ctx;
    this.registration = registration;
  }

  /** The other TPP onboards: its own initial access token and registration (TOK-1, REG-1). */
  public ClientCredentials registers(List<String> sampleUris) {
    if (!ctx.runtime().tpps().generates()) {
      throw new NotApplicable(
          "needs a second TPP: certificates come from files (kit.credentials.source), so the kit"
              + " acts as one TPP only");
    }
    other = ctx.newTpp();
    HttpExchange token =
        ctx.client()
            .requestInitialToken(
                other, ctx.tenant(), ctx.config().bank().signing(), Tampering.NONE);
    Rule tok1 = Rule.must("TOK-1");
    ctx.conformance().require(tok1, ErrorChecks.status(200), token);
    ctx.conformance().require(tok1, TokenChecks.registrationLinkAbsolute(), token);
    URI link = URI.create(token.link("registration").orElse(""));
    HttpExchange answer =
        ctx.client()
            .register(
                other,
                link,
                registration.standardRegistration(token.jsonText("access_token"), sampleUris),
                Tampering.NONE);
    Rule reg1 = Rule.must("REG-1");
    ctx.conformance().require(reg1, ErrorChecks.status(201), answer);
    ctx.conformance().require(reg1, RegistrationChecks.clientIdPresent(), answer);
    credentials =
        new ClientCredentials(answer.jsonText("client_id"), answer.jsonText("client_secret"));
    return credentials;
  }

  /** The other TPP registers and asks for a consent of its own on {@code iban} (CON-1). */
  public String holdsConsentOn(String iban, String sampleUri) {
    registers(List.of(sampleUri));
    HttpExchange answer =
        ctx.client()
            .createConsent(
                other,
                ctx.tenant(),
                ConsentRequest.detailed(
                    iban, ctx.config().psu().ipAddress(), sampleUri, LocalDate.now()),
                Tampering.NONE);
    Rule con1 = Rule.must("CON-1");
    ctx.conformance().require(con1, ErrorChecks.status(201), answer);
    ctx.conformance().require(con1, ConsentChecks.consentIdAndAuthorisationId(), answer);
    consentId = answer.jsonText("consentId");
    return consentId;
  }

  public ClientCredentials credentials() {
    return Optional.ofNullable(credentials)
        .orElseThrow(() -> new IllegalStateException("the other TPP has not registered"));
  }

  public String consentId() {
    return Optional.ofNullable(consentId)
        .orElseThrow(() -> new IllegalStateException("the other TPP holds no consent"));
  }
}
