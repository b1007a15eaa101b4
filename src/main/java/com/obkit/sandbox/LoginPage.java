package com.obkit.sandbox;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference login page (contract section 11): {@code GET /auth/{tenant}/v1/login?session=…}
 * shows one form (hidden {@code session}, {@code iban}, {@code digipass}, and the submit buttons
 * {@code action=login} and {@code action=cancel}), which posts to {@code /auth/{tenant}/v1/login}.
 * A login with a test account that the consent (payment) covers sends the browser back with a code
 * and the unchanged state (SCA-1); a wrong one shows the page again, the third ends in {@code
 * access_denied}; a cancellation ends in {@code consent_required} (SCA-2). Its own errors are HTML
 * pages (ERR-2).
 */
final class LoginPage {

  static final String CANCELLED = "The PSU cancelled the authorisation";

  private static final List<String> FIELDS = List.of("session", "action", "iban", "digipass");

  private final SandboxOptions options;
  private final TestAccounts accounts;
  private final AuthorizationStore store;
  private final ScaTargets targets;

  LoginPage(
      SandboxOptions options, TestAccounts accounts, AuthorizationStore store, ScaTargets targets) {
    this.options = Objects.requireNonNull(options, "options");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.store = Objects.requireNonNull(store, "store");
    this.targets = Objects.requireNonNull(targets, "targets");
  }

  /** {@code GET /auth/{tenant}/v1/login?session=…}: the login form. */
  void page(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    FormData query;
    try {
      query = FormData.parse(request.rawQuery());
    } catch (FormData.MalformedFormException e) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "query string is malformed: " + e.getMessage());
    }
    if (query.count("session") > 1) {
      throw Rejection.badRequest(Rejection.INVALID_REQUEST, "parameter session is repeated");
    }
    String id = query.first("session").orElse("");
    AuthorizationStore.Session session =
        store.session(id, tenant).orElseThrow(LoginPage::unknownSession);
    show(ctx, tenant, id, session, null);
  }

  /** {@code POST /auth/{tenant}/v1/login}: {@code action=login} or {@code action=cancel}. */
  void login(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    if (!Routes.hasMediaType(request, Routes.FORM)) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "the login form must be posted as " + Routes.FORM);
    }
    FormData form;
    try {
      form = FormData.parse(request.body());
    } catch (FormData.MalformedFormException e) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "form body is malformed: " + e.getMessage());
    }
    for (String name : FIELDS) {
      if (form.count(name) > 1) {
        throw Rejection.badRequest(Rejection.INVALID_REQUEST, "field " + name + " is repeated");
      }
    }
    String id = form.first("session").orElse("");
    AuthorizationStore.Session session =
        store.session(id, tenant).orElseThrow(LoginPage::unknownSession);
    String action =
        form.first("action")
            .orElseThrow(
                () ->
                    Rejection.badRequest(
                        Rejection.INVALID_REQUEST, "action is missing (login or cancel)"));
    switch (action) {
      case "cancel" -> cancel(ctx, id, session);
      case "login" -> {
        Optional<String> iban = form.first("iban");
        Optional<String> digipass = form.first("digipass");
        if (iban.isEmpty() || digipass.isEmpty()) {
          throw Rejection.badRequest(
              Rejection.INVALID_REQUEST, "the login needs the fields iban and digipass");
        }
        login(ctx, tenant, id, session, iban.get(), digipass.get());
      }
      default ->
          throw Rejection.badRequest(
              Rejection.INVALID_REQUEST, "action '" + action + "' is not login or cancel");
    }
  }

  /** SCA-2: cancelled: no code, {@code consent_required} with the state; the target rejected. */
  private void cancel(Context ctx, String id, AuthorizationStore.Session session) {
    if (!store.closeSession(id)) {
      throw unknownSession();
    }
    session.target().ifPresent(targets::cancelled);
    Redirects.redirect(
        ctx,
        Redirects.errorLocation(
            session.redirectUri(), "consent_required", CANCELLED, session.state()));
  }

  private void login(
      Context ctx,
      Tenant tenant,
      String id,
      AuthorizationStore.Session session,
      String iban,
      String digipass) {
    String normalised = iban.replace(" ", "").toUpperCase(Locale.ROOT);
    // SCA-2: a test account of the tenant's country with its digipass, covered by the target.
    boolean authenticated =
        options.deviates(Deviation.WRONG_DIGIPASS_ACCEPTED)
            ? accounts
                .byIban(normalised)
                .filter(a -> a.country().equals(tenant.country()))
                .isPresent()
            : accounts.authenticates(tenant, iban, digipass);
    boolean covered = session.target().map(t -> targets.covers(t, normalised)).orElse(true);
    if (authenticated && covered) {
      redirectWithCode(ctx, id, session);
      return;
    }
    int attempts = store.recordFailedLogin(id);
    if (attempts == 0) {
      throw unknownSession();
    }
    if (attempts >= AuthorizationStore.MAX_LOGIN_ATTEMPTS) {
      if (!store.closeSession(id)) {
        throw unknownSession();
      }
      session.target().ifPresent(targets::failed);
      Redirects.redirect(
          ctx,
          Redirects.errorLocation(
              session.redirectUri(),
              "access_denied",
              "The PSU could not be authenticated (" + attempts + " wrong attempts)",
              session.state()));
      return;
    }
    int left = AuthorizationStore.MAX_LOGIN_ATTEMPTS - attempts;
    show(
        ctx,
        tenant,
        id,
        session,
        "The IBAN and digipass do not match a test account that this authorisation covers ("
            + left
            + (left == 1 ? " attempt" : " attempts")
            + " left).");
  }

  /**
   * SCA-1: ends the login session and sends the browser to exactly the authorisation request's
   * redirect URI with a code and the unchanged state.
   */
  void redirectWithCode(Context ctx, String id, AuthorizationStore.Session session) {
    if (!store.closeSession(id)) {
      throw unknownSession();
    }
    session.target().ifPresent(targets::loggedIn);
    String code = store.issueCode(session);
    StringBuilder location = new StringBuilder(session.redirectUri());
    location
        .append(session.redirectUri().indexOf('?') >= 0 ? '&' : '?')
        .append("code=")
        .append(Redirects.encode(code));
    if (session.state() != null && !options.deviates(Deviation.STATE_NOT_RETURNED)) {
      location.append("&state=").append(Redirects.encode(session.state()));
    }
    Redirects.redirect(ctx, location.toString());
  }

  private void show(
      Context ctx, Tenant tenant, String id, AuthorizationStore.Session session, String error) {
    String what =
        session
            .target()
            .map(t -> "<p class=\"authorising\">" + Html.escape(targets.describe(t)) + "</p>\n")
            .orElse("");
    String form =
        what
            + (error == null
                ? ""
                : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>\n")
            + "<form method=\"post\" action=\"/auth/"
            + tenant.pathValue()
            + "/v1/login\">\n"
            + "<input type=\"hidden\" name=\"session\" value=\""
            + Html.escape(id)
            + "\">\n"
            + "<label>IBAN <input type=\"text\" name=\"iban\" autocomplete=\"off\"></label>\n"
            + "<label>Digipass <input type=\"text\" name=\"digipass\" inputmode=\"numeric\""
            + " autocomplete=\"off\"></label>\n"
            + "<button type=\"submit\" name=\"action\" value=\"login\">Log in</button>\n"
            + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>\n"
            + "</form>";
    ctx.status(200);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(Html.page("Sandbox login", form));
  }

  static Rejection unknownSession() {
    return Rejection.badRequest(
        Rejection.INVALID_REQUEST,
        "the login session is unknown or has expired; start the authorisation again");
  }
}
